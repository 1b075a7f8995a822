/** The bureau's starting 错敏词 list; the admin maintains it from there. */
export const DEMO_SENSITIVE_WORDS: readonly { word: string; suggestion: string; note: string }[] = [
  { word: '做为', suggestion: '作为', note: '“作为”表示身份或当作，不写“做为”' },
  { word: '登陆网站', suggestion: '登录网站', note: '进入网站、系统用“登录”' },
  { word: '其它', suggestion: '其他', note: '规范用字，统一用“其他”' },
  { word: '截止目前', suggestion: '截至目前', note: '表示到某时为止用“截至”，“截止”后不带时间' },
  { word: '帐号', suggestion: '账号', note: '规范用字，统一用“账号”' },
  { word: '部份', suggestion: '部分', note: '错别字' },
  { word: '既使', suggestion: '即使', note: '错别字' },
  { word: '法制政府', suggestion: '法治政府', note: '规范提法为“法治政府建设”' },
  { word: '公布于众', suggestion: '公之于众', note: '成语误写' },
  { word: '二0', suggestion: '二〇', note: '汉字数字中的零写作“〇”，不用阿拉伯数字0' },
];
