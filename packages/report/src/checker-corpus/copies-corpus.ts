/**
 * Rule 10 corpus: paragraphs of published reports (2023–2024, as published; spaces normalised),
 * on the topics where bodies' texts are most alike (信息管理, 平台建设, 监督保障). The tests edit them
 * the way a copy is touched up, and compare them with each other as genuinely different texts.
 */
export type Paragraph = { id: string; source: string; text: string };

export const PARAGRAPHS: Paragraph[] = [
  {
    id: 'binjiang-sjj-2024-management',
    source: 'http://www.hhtz.gov.cn/art/2025/1/15/art_1229230631_4327083.html',
    text: '一是健全信息发布审核机制，明确信息发布的审核流程和责任主体，确保政府信息的准确性、权威性和严肃性。二是对拟公开的政府信息，实行“先审核、后发布”，未经审核的信息不得发布。三是定期开展政府信息清理工作，对已失效的政府信息及时予以删除或标注失效状态，确保政府信息的时效性和有效性。',
  },
  {
    id: 'binjiang-sjj-2024-platform',
    source: 'http://www.hhtz.gov.cn/art/2025/1/15/art_1229230631_4327083.html',
    text: '一是加强网站日常管理工作，确定专人负责日常网站运维和信息更新，确保所有公开信息的权威性和可信度。二是对历年公开信息进行全面梳理归档，方便公众查询检索，同时也为内部管理提供数据支撑。三是加强信息安全管理，定期开展信息系统安全检查，防止信息泄露等风险，全年未发生因信息管理不当引发的安全事故。',
  },
  {
    id: 'ouhai-sjj-2024-management',
    source: 'http://www.ouhai.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=001008003012020&fbtime=2024',
    text: '严格执行公开发布内容审查程序，各科室人员拟稿后，经科室负责人、分管领导、主要领导逐级审批，做到内容全面、数据准确、文字精练，确保我局政府信息公开工作规范、完整、透明。',
  },
  {
    id: 'ouhai-sjj-2024-platform',
    source: 'http://www.ouhai.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=001008003012020&fbtime=2024',
    text: '把政府门户网站作为信息公开的主要渠道，加强网站日常管理工作。我局明确专人负责做好主动公开信息的发布、维护和更新等工作，确保主动公开信息及时公开。',
  },
  {
    id: 'ouhai-sjj-2024-supervision',
    source: 'http://www.ouhai.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=001008003012020&fbtime=2024',
    text: '明确分管领导，责任科室，确保工作有人管、有人抓，责任落实到位。定期开展政府信息公开“回头看”，对发布的信息进行自查，发现问题，及时整改。',
  },
  {
    id: 'dafeng-2024-management',
    source: 'https://www.dafeng.gov.cn/art/2025/1/22/art_45469_4279894.html',
    text: '结合我区实际，组织编制并公开大丰区人民政府及办公室政府信息主动公开目录清单（2024年版）。坚持“以公开为原则，不公开为例外”，进一步规范政府信息产生、流转、保管流程，健全政府信息发布审查机制，对各栏目信息及时进行动态调整，确保重要政府信息发布的准确性、及时性、有效性和权威性。',
  },
  {
    id: 'wanyuan-zrzy-2024-management',
    source: 'http://www.wanyuan.gov.cn/xxgk-show-107781.html',
    text: '按照国务院办公厅《政府网站发展指引的通知》和《推进政务新媒体健康有序发展的意见》以及省市有关工作要求，完善政府信息审核发布制度，强化主体责任，明确审核流程和要求，严格坚守政治关、法律关、政策关、保密关、文字关，规范发布流程，强化信息梳理报送，落实发布审核制度，确保信息内容发布及时、发文规范、表述准确、质量优化。',
  },
  {
    id: 'wanyuan-zrzy-2024-platform',
    source: 'http://www.wanyuan.gov.cn/xxgk-show-107781.html',
    text: '2024年，按照市委市政府要求，我局对公开的政府信息及时在网站、政务公开栏等多渠道更新，专人负责，保证政府信息公开的准确性，对于人民群众关心的热点问题，加设专栏，强化政务网站与新媒体管理。',
  },
  {
    id: 'cangxi-zrzy-2024-management',
    source: 'https://cncx.gov.cn/news/show/20250126173442825.html',
    text: '我局明确了信息公开的责任股室，建立健全网站信息内容审核、政府信息目标考核办法等一系列制度措施，严格执行信息公开和上网信息“三审”制度，确保信息公开全面、及时、准确，保障公民、法人或者其他组织依法获取政府信息，为政府信息公开工作的有序有效开展提供了制度保障。',
  },
  {
    id: 'houqiao-street-2023-request',
    source: 'http://www.jsxishan.gov.cn/doc/2024/01/08/4153378.shtml',
    text: '认真落实《条例》中对依申请公开的规范要求，做好受理登记、补正、办理、审查、答复、送达、归档等工作，咨询外聘法律顾问以规范答复内容。',
  },
  {
    id: 'changhe-street-2023-management',
    source: 'https://luchovivas.com/art/2024/1/19/art_1229230631_4234065.html',
    text: '积极修订完善政府信息公开指南，建立健全政府信息审查发布机制，对在门户网站、新媒体等渠道公开的政府信息，进行内容审核和保密审查，加强把关，规范文字表述、信息准确性等方面的审核，并根据工作情况做到应公开尽公开，确保公开信息依法、及时、全面、准确和合理。',
  },
  {
    id: 'chencang-sjj-2024-management',
    source: 'shared/fixtures/chencang-data-bureau-2024.txt (陈仓区数据局2024年报告)',
    text: '加强区政府门户网站日常管理和维护,建立信息发布、审核、更新及考核机制,安排专人负责对区政府门户网站涉及栏目进行更新和维护,严格落实“三审三签”制度,保障信息发布的准确性、时效性、安全性及规范性,全面提升网站安全管理水平。',
  },
  {
    id: 'chencang-sjj-2024-supervision',
    source: 'shared/fixtures/chencang-data-bureau-2024.txt (陈仓区数据局2024年报告)',
    text: '按照省、市对政府信息公开、网站管理和政务新媒体管理相关制度要求,严格执行“三审三校”工作要求、建立有领导分管,有专人负责的工作体系。安排人员进行定时“读网巡网”,对发布信息内容严格审核,避免出现错字词、病句和政治性表述等错误,注重发挥平台的便民、利民功能。',
  },
];
