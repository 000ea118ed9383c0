/// The pinyin of Han family names, for salutations in Latin-script locales
/// (`张` → `Zhang`, `欧阳` → `Ouyang`).
///
/// Only family names with one settled reading are listed: names read two
/// ways as family names (乐 Yue/Le, 盖 Ge/Gai, 覃 Qin/Tan, 牟 Mou/Mu,
/// 尉 Wei/Yu, 谌 Chen/Shen) are left out, so they are written in Han
/// characters rather than guessed. 吕 is `Lyu`, as Chinese passports write it.
enum HanFamilyNames {
    /// The pinyin of `family`, or `nil` when it is not in the table.
    static func pinyin(of family: String) -> String? {
        var key = family + ":"
        if let found = key.withUTF8(pinyin(startingWith:)) { return found }
        // A CJK compatibility ideograph is equal as a String to the unified
        // one it stands for: a name with one is compared as Strings are.
        guard family.unicodeScalars.contains(where: isCompatibilityIdeograph) else { return nil }
        return table.lazy.map { $0.split(separator: ":") }.first { $0[0] == family }.map { String($0[1]) }
    }

    /// The rest of the entry that starts with `key` (a name and `:`),
    /// searched by halves on UTF-8 bytes.
    private static func pinyin(startingWith key: UnsafeBufferPointer<UInt8>) -> String? {
        var low = 0
        var high = table.count
        while low < high {  // the entry starting with `key` sorts where `key` would
            let middle = (low + high) / 2
            var entry = table[middle]
            let (isMatch, isBefore) = entry.withUTF8 { ($0.starts(with: key), $0.lexicographicallyPrecedes(key)) }
            if isMatch { return String(decoding: entry.utf8.dropFirst(key.count), as: UTF8.self) }
            if isBefore { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private static func isCompatibilityIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0xF900...0xFAFF).contains(scalar.value) || (0x2F800...0x2FA1F).contains(scalar.value)
    }

    /// `名:Pinyin` entries, sorted by their UTF-8 bytes (so by code point,
    /// a name before the longer names it begins), for a search by halves: a
    /// reply looks up one name, and a dictionary of the table would cost a
    /// hundred times that look-up to build.
    static let table = [
        "丁:Ding", "万:Wan", "万俟:Moqi", "上官:Shangguan", "丛:Cong", "东方:Dongfang", "东郭:Dongguo", "严:Yan",
        "丰:Feng", "乔:Qiao", "于:Yu", "云:Yun", "井:Jing", "仇:Qiu", "付:Fu", "仝:Tong",
        "令狐:Linghu", "仲:Zhong", "任:Ren", "伊:Yi", "伍:Wu", "伏:Fu", "位:Wei", "何:He",
        "佘:She", "余:Yu", "佟:Tong", "侯:Hou", "俞:Yu", "修:Xiu", "倪:Ni", "傅:Fu",
        "储:Chu", "党:Dang", "全:Quan", "公冶:Gongye", "公孙:Gongsun", "公羊:Gongyang", "兰:Lan", "关:Guan",
        "冀:Ji", "冉:Ran", "农:Nong", "冯:Feng", "冷:Leng", "冼:Xian", "凌:Ling", "刁:Diao",
        "刘:Liu", "初:Chu", "劳:Lao", "包:Bao", "匡:Kuang", "区:Ou", "华:Hua", "卓:Zhuo",
        "单:Shan", "单于:Chanyu", "南:Nan", "南宫:Nangong", "卜:Bu", "卞:Bian", "卢:Lu", "卫:Wei",
        "危:Wei", "卿:Qing", "厉:Li", "古:Gu", "史:Shi", "叶:Ye", "司:Si", "司徒:Situ",
        "司空:Sikong", "司马:Sima", "吉:Ji", "向:Xiang", "吕:Lyu", "吴:Wu", "周:Zhou", "呼延:Huyan",
        "和:He", "唐:Tang", "商:Shang", "喻:Yu", "夏:Xia", "夏侯:Xiahou", "太史:Taishi", "奚:Xi",
        "姚:Yao", "姜:Jiang", "姬:Ji", "娄:Lou", "孔:Kong", "孙:Sun", "孟:Meng", "季:Ji",
        "宁:Ning", "宇文:Yuwen", "安:An", "宋:Song", "完颜:Wanyan", "宗:Zong", "宗政:Zongzheng", "宣:Xuan",
        "宫:Gong", "容:Rong", "宾:Bin", "寇:Kou", "富:Fu", "封:Feng", "尉迟:Yuchi", "尚:Shang",
        "尤:You", "尧:Yao", "尹:Yin", "屈:Qu", "展:Zhan", "屠:Tu", "岑:Cen", "岳:Yue",
        "崔:Cui", "左:Zuo", "左丘:Zuoqiu", "巩:Gong", "巫:Wu", "帅:Shuai", "师:Shi", "席:Xi",
        "常:Chang", "平:Ping", "庄:Zhuang", "应:Ying", "庞:Pang", "康:Kang", "庹:Tuo", "廉:Lian",
        "廖:Liao", "张:Zhang", "强:Qiang", "彭:Peng", "徐:Xu", "惠:Hui", "慕容:Murong", "成:Cheng",
        "战:Zhan", "戚:Qi", "戴:Dai", "房:Fang", "拓跋:Tuoba", "揭:Jie", "敖:Ao", "文:Wen",
        "方:Fang", "施:Shi", "时:Shi", "明:Ming", "易:Yi", "晁:Chao", "晋:Jin", "晏:Yan",
        "景:Jing", "智:Zhi", "曲:Qu", "曹:Cao", "曾:Zeng", "朱:Zhu", "朴:Piao", "权:Quan",
        "李:Li", "杜:Du", "来:Lai", "杨:Yang", "杭:Hang", "林:Lin", "柏:Bai", "查:Zha",
        "柯:Ke", "柳:Liu", "柴:Chai", "栗:Li", "栾:Luan", "桂:Gui", "桑:Sang", "梁:Liang",
        "梅:Mei", "楚:Chu", "楼:Lou", "樊:Fan", "檀:Tan", "欧:Ou", "欧阳:Ouyang", "武:Wu",
        "段:Duan", "殷:Yin", "毕:Bi", "毛:Mao", "江:Jiang", "池:Chi", "汤:Tang", "汪:Wang",
        "沈:Shen", "沙:Sha", "涂:Tu", "淳于:Chunyu", "温:Wen", "游:You", "湛:Zhan", "滕:Teng",
        "满:Man", "潘:Pan", "澹台:Tantai", "濮阳:Puyang", "焦:Jiao", "熊:Xiong", "燕:Yan", "牛:Niu",
        "狄:Di", "独孤:Dugu", "王:Wang", "班:Ban", "甄:Zhen", "甘:Gan", "田:Tian", "申:Shen",
        "申屠:Shentu", "白:Bai", "百里:Baili", "皇甫:Huangfu", "皮:Pi", "盘:Pan", "盛:Sheng", "瞿:Qu",
        "石:Shi", "祁:Qi", "祖:Zu", "祝:Zhu", "禹:Yu", "秦:Qin", "程:Cheng", "穆:Mu",
        "窦:Dou", "章:Zhang", "童:Tong", "端木:Duanmu", "符:Fu", "简:Jian", "管:Guan", "米:Mi",
        "粟:Su", "索:Suo", "纪:Ji", "练:Lian", "缪:Miao", "罗:Luo", "翁:Weng", "翟:Zhai",
        "耿:Geng", "聂:Nie", "肖:Xiao", "胡:Hu", "胥:Xu", "臧:Zang", "舒:Shu", "艾:Ai",
        "芦:Lu", "芮:Rui", "花:Hua", "苏:Su", "苑:Yuan", "苗:Miao", "苟:Gou", "范:Fan",
        "茅:Mao", "茹:Ru", "荆:Jing", "荣:Rong", "莫:Mo", "葛:Ge", "董:Dong", "蒋:Jiang",
        "蒙:Meng", "蒲:Pu", "蓝:Lan", "蓬:Peng", "蔡:Cai", "蔺:Lin", "薛:Xue", "虞:Yu",
        "衡:Heng", "衣:Yi", "袁:Yuan", "裘:Qiu", "裴:Pei", "褚:Chu", "西门:Ximen", "解:Xie",
        "詹:Zhan", "许:Xu", "诸葛:Zhuge", "谈:Tan", "谢:Xie", "谭:Tan", "谷:Gu", "费:Fei",
        "贺:He", "贾:Jia", "赫连:Helian", "赵:Zhao", "路:Lu", "车:Che", "轩辕:Xuanyuan", "辛:Xin",
        "边:Bian", "连:Lian", "迟:Chi", "逄:Pang", "邓:Deng", "邝:Kuang", "邢:Xing", "邬:Wu",
        "邱:Qiu", "邵:Shao", "邸:Di", "邹:Zou", "郁:Yu", "郎:Lang", "郑:Zheng", "郗:Xi",
        "郜:Gao", "郝:Hao", "郭:Guo", "鄢:Yan", "金:Jin", "钟:Zhong", "钟离:Zhongli", "钱:Qian",
        "长孙:Zhangsun", "闫:Yan", "闵:Min", "闻:Wen", "闻人:Wenren", "阎:Yan", "阙:Que", "阚:Kan",
        "阮:Ruan", "阳:Yang", "陆:Lu", "陈:Chen", "陶:Tao", "隋:Sui", "雍:Yong", "雷:Lei",
        "霍:Huo", "靳:Jin", "鞠:Ju", "韦:Wei", "韩:Han", "项:Xiang", "顾:Gu", "颜:Yan",
        "饶:Rao", "马:Ma", "骆:Luo", "高:Gao", "魏:Wei", "鲁:Lu", "鲍:Bao", "鲜于:Xianyu",
        "鹿:Lu", "麦:Mai", "麻:Ma", "黄:Huang", "黎:Li", "齐:Qi", "龙:Long", "龚:Gong",
    ]
}
