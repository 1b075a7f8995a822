/**
 * The demo district: the bodies of 陈仓区 that file a yearly report. Codes are short pinyin
 * initials; each department's demo account signs in with its code (sjj for 陈仓区数据局).
 */

/** How busy a body is with disclosure requests; decides the size of its demo figures. */
export type Scale = 'large' | 'medium' | 'small' | 'town';

/** Where the demo leaves each body's report for the open year. */
export type OpenYearState = 'not_started' | 'draft' | 'submitted' | 'in_review' | 'returned' | 'approved';

export type DemoUnit = {
  name: string;
  code: string;
  kind: 'department' | 'town';
  scale: Scale;
  /** What the body mostly publishes, for the 主动公开 paragraph. */
  focus: string;
  /** Typical yearly 行政许可 / 行政处罚 / 行政强制 decisions and fees (万元), as [min, max]. */
  licensing?: [number, number];
  punishment?: [number, number];
  enforcement?: [number, number];
  fees?: [number, number];
  openState: OpenYearState;
};

const dept = (
  name: string,
  code: string,
  scale: Scale,
  focus: string,
  openState: OpenYearState,
  extra: Partial<DemoUnit> = {},
): DemoUnit => ({ name, code, kind: 'department', scale, focus, openState, ...extra });

const town = (name: string, code: string, openState: OpenYearState, extra: Partial<DemoUnit> = {}): DemoUnit => ({
  name,
  code,
  kind: 'town',
  scale: 'town',
  focus: '乡村振兴、惠民惠农财政补贴、社会救助、村级财务公开和重点项目建设',
  punishment: [0, 6],
  openState,
  ...extra,
});

export const DEMO_UNITS: readonly DemoUnit[] = [
  dept('陈仓区人民政府办公室', 'zfb', 'medium', '区政府常务会议、政策文件及解读、重要工作部署', 'draft'),
  dept('陈仓区发展和改革局', 'fgj', 'medium', '重点项目建设、价格监管、发展规划和年度计划', 'approved', { licensing: [20, 60] }),
  dept('陈仓区教育体育局', 'jtj', 'medium', '招生入学政策、学生资助、教育收费和体育赛事', 'in_review', { licensing: [5, 20] }),
  dept('陈仓区科学技术局', 'kjj', 'small', '科技项目申报、高新技术企业培育和科技特派员服务', 'returned'),
  dept('陈仓区工业和信息化局', 'gxj', 'small', '工业经济运行、中小企业扶持政策和项目申报', 'submitted'),
  dept('陈仓区公安分局', 'gaj', 'large', '户籍办理、出入境管理、交通安全管理和警情通报', 'approved', {
    licensing: [800, 1600],
    punishment: [1500, 3200],
    enforcement: [60, 160],
    fees: [20, 60],
  }),
  dept('陈仓区民政局', 'mzj', 'medium', '低保特困救助、养老服务、社会组织登记和殡葬管理', 'approved', { licensing: [10, 30] }),
  dept('陈仓区司法局', 'sfj', 'small', '公共法律服务、法治宣传、行政复议和人民调解', 'in_review'),
  dept('陈仓区财政局', 'czj', 'medium', '财政预决算、惠民惠农补贴和政府采购', 'approved'),
  dept('陈仓区人力资源和社会保障局', 'rsj', 'large', '就业创业扶持、社会保险、人事考试和劳动保障监察', 'approved', {
    licensing: [30, 80],
    punishment: [2, 10],
  }),
  dept('陈仓区自然资源局', 'zrj', 'large', '国土空间规划、建设用地审批、不动产登记和矿产资源管理', 'approved', {
    licensing: [150, 320],
    punishment: [15, 40],
    enforcement: [2, 8],
    fees: [80, 260],
  }),
  dept('陈仓区住房和城乡建设局', 'zjj', 'large', '保障性住房、建筑市场监管、老旧小区改造和物业管理', 'in_review', {
    licensing: [60, 160],
    punishment: [10, 35],
  }),
  dept('陈仓区交通运输局', 'jtysj', 'medium', '交通项目建设、道路运输管理和农村公路养护', 'submitted', {
    licensing: [120, 300],
    punishment: [200, 520],
    enforcement: [5, 20],
  }),
  dept('陈仓区农业农村局', 'nyj', 'medium', '强农惠农政策、农村人居环境整治和农产品质量安全', 'returned', {
    licensing: [20, 60],
    punishment: [5, 20],
  }),
  dept('陈仓区水利局', 'slj', 'small', '防汛抗旱、河湖长制和农村饮水安全', 'in_review', { licensing: [5, 20], punishment: [1, 6] }),
  dept('陈仓区商务局', 'swj', 'small', '招商引资、消费促进和成品油市场管理', 'submitted', { licensing: [2, 10] }),
  dept('陈仓区文化和旅游局', 'wlj', 'small', '公共文化服务、文物保护和旅游市场监管', 'submitted', { licensing: [5, 20], punishment: [2, 10] }),
  dept('陈仓区卫生健康局', 'wjj', 'medium', '医疗卫生服务、疾病预防控制和卫生监督', 'submitted', {
    licensing: [200, 420],
    punishment: [20, 60],
  }),
  dept('陈仓区退役军人事务局', 'tyjrj', 'small', '退役军人安置、优抚褒扬和就业创业服务', 'draft'),
  dept('陈仓区应急管理局', 'yjj', 'small', '安全生产监管、自然灾害防治和应急救援', 'submitted', { licensing: [5, 15], punishment: [10, 30] }),
  dept('陈仓区审计局', 'shj', 'small', '审计工作报告和审计整改情况', 'draft'),
  dept('陈仓区市场监督管理局', 'scjgj', 'medium', '市场主体登记、食品药品安全和产品质量监管', 'returned', {
    licensing: [600, 1200],
    punishment: [80, 220],
    enforcement: [5, 20],
  }),
  dept('陈仓区统计局', 'tjj', 'small', '统计数据发布、统计公报和统计调查', 'approved', { punishment: [0, 3] }),
  dept('陈仓区医疗保障局', 'ybj', 'small', '医保政策、医保基金监管和待遇保障', 'approved', { punishment: [2, 10] }),
  dept('陈仓区林业局', 'lyj', 'small', '林木采伐许可、森林防火和野生动植物保护', 'draft', { licensing: [20, 60], punishment: [5, 20] }),
  dept('陈仓区城市管理执法局', 'cgj', 'medium', '市容环境整治、城市管理执法和园林绿化', 'draft', {
    licensing: [10, 40],
    punishment: [60, 180],
    enforcement: [5, 25],
  }),
  dept('陈仓区生态环境分局', 'sthjj', 'medium', '环境质量状况、环评审批和环境执法', 'draft', {
    licensing: [10, 30],
    punishment: [15, 45],
    enforcement: [2, 8],
  }),
  dept('陈仓区行政审批服务局', 'spj', 'medium', '政务服务事项、行政审批办事指南和“一网通办”', 'draft', { licensing: [2500, 4800] }),
  dept('陈仓区信访局', 'xfj', 'small', '信访工作制度、信访事项办理流程和网上信访', 'draft'),
  dept('陈仓区数据局', 'sjj', 'small', '政务公开、政府网站和政务新媒体管理', 'not_started'),

  town('陈仓区虢镇街道', 'gzjd', 'approved', { punishment: [2, 12] }),
  town('陈仓区千渭街道', 'qwjd', 'in_review', { punishment: [2, 12] }),
  town('陈仓区阳平镇', 'ypz', 'approved'),
  town('陈仓区千河镇', 'qhz', 'returned'),
  town('陈仓区磻溪镇', 'pxz', 'submitted'),
  town('陈仓区天王镇', 'twz', 'in_review'),
  town('陈仓区慕仪镇', 'myz', 'submitted'),
  town('陈仓区周原镇', 'zyz', 'submitted'),
  town('陈仓区贾村镇', 'jcz', 'submitted'),
  town('陈仓区县功镇', 'xgz', 'returned'),
  town('陈仓区新街镇', 'xjz', 'draft'),
  town('陈仓区坪头镇', 'ptz', 'draft'),
  town('陈仓区香泉镇', 'xqz', 'draft'),
  town('陈仓区赤沙镇', 'csz', 'draft'),
  town('陈仓区拓石镇', 'tsz', 'not_started'),
  town('陈仓区凤阁岭镇', 'fglz', 'not_started'),
  town('陈仓区钓渭镇', 'dwz', 'draft'),
];

/** "区数据局", "阳平镇": how a body names itself in the running text. */
export function subjectName(unit: Pick<DemoUnit, 'name'>): string {
  if (unit.name === '陈仓区人民政府办公室') return '区政府办公室';
  return /(镇|街道)$/.test(unit.name)
    ? unit.name.replace(/^陈仓区/, '')
    : unit.name.replace(/^陈仓区/, '区');
}

/** "我局", "我分局", "我办", "我镇", "我街道". */
export function selfName(unit: Pick<DemoUnit, 'name'>): string {
  if (unit.name.endsWith('分局')) return '我分局';
  if (unit.name.endsWith('办公室')) return '我办';
  if (unit.name.endsWith('街道')) return '我街道';
  if (unit.name.endsWith('镇')) return '我镇';
  return '我局';
}
