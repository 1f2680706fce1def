public import ChinaLocale
public import Notices
import Foundation

/// The demo's policy notices: 60 notices of 大埔县 across eight categories, with two amendments, a
/// repeal, a superseded scheme, an expired trial measure, an interpretation and an urgent typhoon
/// warning. Titles follow the way county notices are written; the texts are sample data.
///
/// ```swift
/// try await NoticePublisher(replica: county).publish(SampleNotices.notices(endingOn: .today()))
/// ```
public enum SampleNotices {
    /// Category, issuer's short name (代字) and titles, oldest first within each category.
    static let titles: [(String, String, String, [String])] = [
        ("补贴政策", "大埔县农业农村局", "埔农", [
            "关于发放2026年耕地地力保护补贴的通知", "大埔县2026年农机购置与应用补贴实施方案", "关于开展2026年水稻种植补贴申报工作的通知",
            "大埔县生猪调出大县奖励资金使用方案", "关于做好2026年农业保险保费补贴工作的通知", "大埔县柚果产业发展扶持资金管理办法",
            "关于发放实际种粮农民一次性补贴的通知", "大埔县茶叶产业提质增效奖补办法（试行）",
        ]),
        ("农业生产", "大埔县农业农村局", "埔农", [
            "关于做好小麦赤霉病防治工作的通知", "关于切实抓好早稻生产工作的通知", "大埔县水稻病虫害绿色防控指导意见",
            "关于做好秋冬种农业生产工作的通知", "关于加强春耕备耕农资供应保障的通知", "大埔县蜜柚黄龙病防控技术指引",
            "关于开展农药包装废弃物回收处理工作的通知", "关于做好高温天气农业生产防御工作的通知",
        ]),
        ("土地政策", "大埔县自然资源局", "埔自然资", [
            "关于进一步加强耕地保护和节约集约用地的通知", "大埔县农村宅基地审批管理办法", "关于开展农村承包地确权登记颁证成果应用的通知",
            "大埔县高标准农田建设项目管理办法", "关于严格落实耕地用途管制的通知", "大埔县土地承包经营权流转管理办法",
            "关于规范农村集体经营性建设用地入市的指导意见",
        ]),
        ("灾害预警", "大埔县三防指挥部", "埔三防", [
            "关于做好2026年汛期防汛工作的通知", "关于防御强降雨天气的通知", "关于做好森林防灭火工作的紧急通知",
            "关于防御低温寒潮天气的通知", "关于防御台风“海葵”的紧急通知",
        ]),
        ("疫情防控", "大埔县农业农村局", "埔农", [
            "关于做好非洲猪瘟防控工作的通知", "关于开展春季动物疫病集中免疫工作的通知", "关于加强禽流感防控工作的通知",
            "关于做好秋季重大动物疫病防控的通知", "大埔县动物防疫条件审查办法",
        ]),
        ("村务管理", "大埔县民政局", "埔民", [
            "关于做好2026年村务公开工作的通知", "大埔县村级财务管理办法", "关于规范村级“三资”管理的通知",
            "关于开展村规民约修订工作的通知", "大埔县村民代表会议议事规则", "关于加强村级小微权力监督的实施意见",
            "关于做好农村集体资产清产核资工作的通知", "大埔县村级公益事业一事一议财政奖补办法",
        ]),
        ("乡村振兴", "大埔县乡村振兴局", "埔振兴", [
            "大埔县2026年乡村振兴重点工作任务", "关于推进农村人居环境整治提升的通知", "大埔县“百县千镇万村高质量发展工程”实施方案",
            "关于支持发展农村电商的若干措施", "大埔县特色农产品品牌建设三年行动方案", "关于做好防止返贫动态监测和帮扶工作的通知",
            "大埔县益农信息社运营管理办法", "关于开展“一村一品”专业村镇培育工作的通知",
        ]),
        ("社会保障", "大埔县人力资源和社会保障局", "埔人社", [
            "关于做好2026年城乡居民基本养老保险参保缴费工作的通知", "关于调整城乡居民基础养老金标准的通知",
            "关于开展2026年城乡居民医疗保险集中参保工作的通知", "大埔县农村低保对象认定办法", "关于做好农村留守老人关爱服务工作的通知",
            "关于开展农村劳动力转移就业培训的通知", "大埔县临时救助实施细则", "关于做好困难群众冬春生活救助工作的通知",
            "关于发放2026年高龄老人津贴的通知", "大埔县残疾人两项补贴管理办法", "关于做好农民工工资支付保障工作的通知",
        ]),
    ]

    /// The 60 notices, published over the year before `last`; relations and the urgent warning fixed.
    public static func notices(endingOn last: BeijingDay) -> [Notice] {
        var notices: [Notice] = []
        var number = 0
        for (category, issuer, code, list) in titles {
            for title in list {
                number += 1
                let published = last.adding(days: -360 + number * 6)
                let year = published.text.prefix(4)
                notices.append(
                    Notice(
                        id: "DB-\(year)-\(String(number).count == 1 ? "0" : "")\(number)",
                        indexNumber: "441422-\(year)-\(String(format: "%05d", number))", issuer: issuer,
                        documentNumber: "\(code)[\(year)]\(number)号", title: title, category: category,
                        signedOn: published.adding(days: -2).text, publishedOn: published.text,
                        effectiveOn: published.text, summary: summary(title, category),
                        body: body(title, category, issuer), urgent: category == "灾害预警" && title.contains("紧急")))
            }
        }
        return link(notices, last: last)
    }

    /// The amendments, repeal, supersession, expiry, interpretation and the typhoon warning.
    static func link(_ notices: [Notice], last: BeijingDay) -> [Notice] {
        var notices = notices
        func index(_ title: String) -> Int { notices.firstIndex { $0.title.contains(title) }! }
        notices[index("茶叶产业提质增效奖补办法")].expiresOn = last.adding(days: -20).text  // a trial measure that lapsed
        notices[index("高标准农田建设项目管理办法")].relations = [.init(kind: .amends, target: notices[index("土地承包经营权流转")].id)]
        notices[index("调整城乡居民基础养老金标准")].relations = [
            .init(kind: .amends, target: notices[index("城乡居民基本养老保险参保缴费")].id)
        ]
        notices[index("农村低保对象认定办法")].relations = [.init(kind: .repeals, target: notices[index("临时救助实施细则")].id)]
        notices[index("村级公益事业一事一议")].relations = [.init(kind: .supersedes, target: notices[index("村级财务管理办法")].id)]
        notices[index("益农信息社运营管理办法")].interpretation = "本办法明确了益农信息社的服务内容、运营主体和考核办法。"
        // Relations point at earlier notices: the acting notice must come after its target.
        notices.sort { $0.relations.isEmpty && !$1.relations.isEmpty }
        let typhoon = index("防御台风")
        notices[typhoon].publishedOn = last.text
        notices[typhoon].effectiveOn = last.text
        notices[typhoon].signedOn = last.text
        notices[typhoon].expiresOn = last.adding(days: 3).text  // the warning's end: it lapses then
        notices[typhoon].summary = "今年第12号台风“海葵”预计明日在粤东登陆，请各村立即转移危险区域群众，加固农业设施。"
        return notices
    }

    static func summary(_ title: String, _ category: String) -> String {
        "\(title.replacingOccurrences(of: "关于", with: "").replacingOccurrences(of: "的通知", with: ""))，请各镇、各村认真抓好落实。"
    }

    static func body(_ title: String, _ category: String, _ issuer: String) -> String {
        """
        各镇人民政府，县直有关单位：
        为贯彻落实上级关于\(category)的决策部署，切实做好\(title.replacingOccurrences(of: "关于", with: "").replacingOccurrences(of: "的通知", with: ""))相关工作，现将有关事项通知如下。
        一、提高思想认识。各镇、各村要充分认识此项工作的重要意义，明确责任分工，确保各项措施落到实处。
        二、明确工作任务。请各村通过益农信息社、村务公开栏等渠道做好政策宣传，让群众应知尽知。
        三、加强督促检查。县有关部门将适时开展督导，对工作不力的予以通报。
        \(issuer)
        """
    }
}
