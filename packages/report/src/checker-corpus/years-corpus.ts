/**
 * Rule 9 corpus: opening paragraphs of published reports (2021–2025), cut after the sentence that
 * gives the statistical period, as published (spaces and full-width digits normalised). Each names
 * its own year correctly; the tests inject the slips a copied or hastily updated report shows.
 */
export type YearText = { id: string; source: string; year: number; text: string };

export const OPENINGS: YearText[] = [
  {
    id: 'shanghai-2022',
    source: 'https://shanghai.gov.cn/nw12344/20230331/4a03b5fa47ae4c73b7ec42801de6be66.html',
    year: 2022,
    text: '本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《上海市政府信息公开规定》（以下简称《规定》）的要求编制。本年度报告中所列数据统计期限为2022年1月1日至12月31日。本年度报告电子版可从上海市人民政府网站（www.shanghai.gov.cn）下载。',
  },
  {
    id: 'yuhang-fgj-2022',
    source: 'https://www.yuhang.gov.cn/art/2023/1/19/art_1229709995_71194.html',
    year: 2022,
    text: '本年度报告由杭州市余杭区发展和改革局根据《中华人民共和国政府信息公开条例》（以下简称《条例》）以及国办公开办《关于政府信息公开工作年度报告有关事项的通知》要求编制而成。本年度报告中所列数据统计期限从2022年1月1日起至2022年12月31日止。',
  },
  {
    id: 'zhanjiang-dfz-2023',
    source: 'https://www.zhanjiang.gov.cn/zjsfw/bmdh/dfz/zwgk/xxgkndbg/content/post_1871569.html',
    year: 2023,
    text: '根据《中华人民共和国政府信息公开条例》要求，特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告。本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题和改进措施、其他需要报告的事项等内容，所列数据统计期限自2023年1月1日起到2023年12月31日止。',
  },
  {
    id: 'laifeng-sjj-2021',
    source: 'http://www.laifeng.gov.cn/xxgk/gknb/xzbm/xzwj/202201/t20220124_1239406.shtml',
    year: 2021,
    text: '根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）规定，编制我单位2021年政府信息公开工作年度报告。本年报中所列数据的统计期限从2021年1月1日起至2021年12月31日止。',
  },
  {
    id: 'datong-xfj-2021',
    source: 'http://www.dttz.gov.cn/dttzx/zfzcbm2021/202202/973157410ae049d281a6121607fc4bfd.shtml',
    year: 2021,
    text: '根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称新《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》（国办公开办函〔2021〕30号）要求，由信访局结合有关统计数据编制。本年度报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。现将信访局2021年度政府信息公开工作报告如下：',
  },
  {
    id: 'zhongjiang-2022',
    source: 'https://www.jordynalvidrez.com/gk/zwgk/2021zfxxgknb/2022/xzf/1575683.htm',
    year: 2022,
    text: '本年度报告根据《中华人民共和国政府信息公开条例》（国务院令第711号）要求，由中江县人民政府办公室组织编制。报告包括总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，存在的主要问题及改进情况，其他需要报告的事项六个部分，所列数据统计时间为2022年1月1日起至2022年12月31日止。',
  },
  {
    id: 'hejiang-2022',
    source: 'https://www.hejiang.gov.cn/gk/zfxxgknb/xxgkndbg1/content_184762',
    year: 2022,
    text: '本报告根据《中华人民共和国政府信息公开条例》规定编制。报告中所列数据统计期为2022年1月1日至2022年12月31日。报告电子版通过合江县人民政府门户网站（www.hejiang.gov.cn）全文公开。',
  },
  {
    id: 'tongzi-2022',
    source: 'http://www.gztongzi.gov.cn/zwgk/zfxxgk/zfxxgknb/2022n/202302/t20230218_78246924.html',
    year: 2022,
    text: '根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）要求，现公布桐梓县2022年政府信息公开工作年度报告。除特别说明外，所列数据统计时限为2022年1月1日至2022年12月31日。',
  },
  {
    id: 'lianxi-2024',
    source: 'http://www.lianxi.gov.cn/zfxxgk/zfxxgknb/2024n/qzf/202502/t20250220_6854532.html',
    year: 2024,
    text: '本报告依据《中华人民共和国政府信息公开条例》（国务院令第711号）（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号），编制本报告。本报告所列统计数据的期限自2024年1月1日起，至2024年12月31日止。',
  },
  {
    id: 'ouhai-sjj-2024',
    source: 'http://www.ouhai.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=001008003012020&fbtime=2024',
    year: 2024,
    text: '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定和瓯海区人民政府办公室《关于做好2024年度政府信息公开工作年度报告编制工作的通知》的要求，结合我局2024年度实际工作情况，现将2024年度政府信息公开工作年度报告如下：本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
  },
  {
    id: 'cangxi-zrzy-2024',
    source: 'https://cncx.gov.cn/news/show/20250126173442825.html',
    year: 2024,
    text: '根据《中华人民共和国政府信息公开条例》和上级相关文件要求，我局组织编制了《苍溪县自然资源局2024年政府信息公开工作年度报告》（以下简称《年度报告》），现通过苍溪县人民政府网（www.cncx.gov.cn）向社会公布，所列数据统计期限从2024年1月1日起至2024年12月31日。',
  },
  {
    id: 'dizhang-street-2023',
    source: 'http://www.xixianxinqu.gov.cn/xwzx/ztzl/zfxxgknb/2023/gzj/dzjd/1.html',
    year: 2023,
    text: '根据《中华人民共和国政府信息公开条例》及《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》的要求，编制《西咸新区底张街道办事处2023年度政府信息公开工作年度报告》。报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
  },
  {
    id: 'linxia-2025',
    source: 'https://www.lxs.gov.cn/lxs/zwgk/xxgkndbg/2025/szfgbm/art/2026/art_ba75d0b327444432a66193ca56b2a7ad.html',
    year: 2025,
    text: '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，本报告由临夏市人民政府办公室编制。报告中所列数据统计期限为2025年1月1日至2025年12月31日。',
  },
  {
    id: 'funing-2025',
    source: 'https://www.chinafuning.gov.cn/single/283/72295.html',
    year: 2025,
    text: '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，向社会公布秦皇岛市抚宁区人民政府办公室2025年政府信息公开工作年度报告。本报告中所列数据的统计时限自2025年1月1日起至2025年12月31日止。',
  },
  {
    id: 'xisi-2025',
    source: 'http://www.haicheng.gov.cn/html/HCS/202601/0176938436489438.html',
    year: 2025,
    text: '根据《中华人民共和国政府信息公开条例》以及中央、省、市关于政府信息公开工作的相关要求，现将海城市西四镇2025年度政府信息公开工作情况报告如下。本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。',
  },
  {
    id: 'jinan-fuzhou-2016',
    source: 'http://www.fzja.gov.cn/xjwz/zwgk/zfxxgk/zfxxgknb/201707/t20170721_1341809.htm',
    year: 2016,
    text: '本报告根据《中华人民共和国政府信息公开条例》（以下简称“条例”）要求，由福州市晋安区人民政府信息公开办编制。本报告统计数据从2016年1月1日至2016年12月31日止。',
  },
];

/** The report’s own title naming the year before, in a 2021 report (as published). */
export const WRONG_TITLE_2021 = {
  source: 'http://www.zoucheng.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=113708830043262784&fbtime=2021',
  year: 2021,
  text: '根据《中华人民共和国政府信息公开条例》（以下简称条例）及山东省、济宁市、邹城市关于政府信息公开工作的有关规定，我镇认真编制了《田黄镇2020年政府信息公开工作年度报告》。本年度报告由政府信息公开工作总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，政府信息公开工作中存在的问题及改进措施等六部分组成，所列数据的统计期限自2021年1月1日起至12月31日止。',
};

/** Plan names with a year range, from a 2024 report (as published). */
export const PLAN_RANGES = {
  source: 'https://ghzrzyj.cq.gov.cn/zz/bbq/zwgk/zfxxgknb/202501/t20250113_14144274.html',
  year: 2024,
  text: '公开我区国土空间分区规划2021年—2025年、矿产资源规划（2021—2025年）、村庄规划等规划信息。',
};
