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
        table[family]
    }

    private static let table: [String: String] = [
        // Compound family names.
        "欧阳": "Ouyang", "司马": "Sima", "诸葛": "Zhuge", "上官": "Shangguan", "东方": "Dongfang",
        "皇甫": "Huangfu", "尉迟": "Yuchi", "公孙": "Gongsun", "慕容": "Murong", "长孙": "Zhangsun",
        "夏侯": "Xiahou", "轩辕": "Xuanyuan", "令狐": "Linghu", "宇文": "Yuwen", "澹台": "Tantai",
        "西门": "Ximen", "司徒": "Situ", "司空": "Sikong", "端木": "Duanmu", "申屠": "Shentu",
        "南宫": "Nangong", "万俟": "Moqi", "闻人": "Wenren", "呼延": "Huyan", "钟离": "Zhongli",
        "独孤": "Dugu", "太史": "Taishi", "赫连": "Helian", "公冶": "Gongye", "濮阳": "Puyang",
        "淳于": "Chunyu", "单于": "Chanyu", "百里": "Baili", "东郭": "Dongguo", "拓跋": "Tuoba",
        "完颜": "Wanyan", "公羊": "Gongyang", "鲜于": "Xianyu", "宗政": "Zongzheng", "左丘": "Zuoqiu",
        // Single-character family names.
        "王": "Wang", "李": "Li", "张": "Zhang", "刘": "Liu", "陈": "Chen", "杨": "Yang", "黄": "Huang",
        "赵": "Zhao", "吴": "Wu", "周": "Zhou", "徐": "Xu", "孙": "Sun", "马": "Ma", "朱": "Zhu",
        "胡": "Hu", "郭": "Guo", "何": "He", "高": "Gao", "林": "Lin", "罗": "Luo", "郑": "Zheng",
        "梁": "Liang", "谢": "Xie", "宋": "Song", "唐": "Tang", "许": "Xu", "韩": "Han", "冯": "Feng",
        "邓": "Deng", "曹": "Cao", "彭": "Peng", "曾": "Zeng", "肖": "Xiao", "田": "Tian", "董": "Dong",
        "袁": "Yuan", "潘": "Pan", "于": "Yu", "蒋": "Jiang", "蔡": "Cai", "余": "Yu", "杜": "Du",
        "叶": "Ye", "程": "Cheng", "苏": "Su", "魏": "Wei", "吕": "Lyu", "丁": "Ding", "任": "Ren",
        "沈": "Shen", "姚": "Yao", "卢": "Lu", "姜": "Jiang", "崔": "Cui", "钟": "Zhong", "谭": "Tan",
        "陆": "Lu", "汪": "Wang", "范": "Fan", "金": "Jin", "石": "Shi", "廖": "Liao", "贾": "Jia",
        "夏": "Xia", "韦": "Wei", "付": "Fu", "傅": "Fu", "方": "Fang", "白": "Bai", "邹": "Zou",
        "孟": "Meng", "熊": "Xiong", "秦": "Qin", "邱": "Qiu", "江": "Jiang", "尹": "Yin", "薛": "Xue",
        "闫": "Yan", "阎": "Yan", "段": "Duan", "雷": "Lei", "侯": "Hou", "龙": "Long", "史": "Shi",
        "陶": "Tao", "黎": "Li", "贺": "He", "顾": "Gu", "毛": "Mao", "郝": "Hao", "龚": "Gong",
        "邵": "Shao", "万": "Wan", "钱": "Qian", "严": "Yan", "武": "Wu", "戴": "Dai", "莫": "Mo",
        "孔": "Kong", "向": "Xiang", "汤": "Tang", "常": "Chang", "温": "Wen", "康": "Kang", "施": "Shi",
        "文": "Wen", "牛": "Niu", "樊": "Fan", "葛": "Ge", "邢": "Xing", "安": "An", "齐": "Qi",
        "易": "Yi", "乔": "Qiao", "伍": "Wu", "庞": "Pang", "颜": "Yan", "倪": "Ni", "庄": "Zhuang",
        "聂": "Nie", "章": "Zhang", "鲁": "Lu", "岳": "Yue", "翟": "Zhai", "殷": "Yin", "詹": "Zhan",
        "申": "Shen", "欧": "Ou", "耿": "Geng", "关": "Guan", "兰": "Lan", "焦": "Jiao", "俞": "Yu",
        "左": "Zuo", "柳": "Liu", "甘": "Gan", "祝": "Zhu", "包": "Bao", "宁": "Ning", "尚": "Shang",
        "符": "Fu", "舒": "Shu", "阮": "Ruan", "柯": "Ke", "纪": "Ji", "梅": "Mei", "童": "Tong",
        "凌": "Ling", "毕": "Bi", "单": "Shan", "季": "Ji", "裴": "Pei", "霍": "Huo", "涂": "Tu",
        "成": "Cheng", "苗": "Miao", "谷": "Gu", "盛": "Sheng", "曲": "Qu", "翁": "Weng", "冉": "Ran",
        "骆": "Luo", "蓝": "Lan", "路": "Lu", "游": "You", "辛": "Xin", "靳": "Jin", "管": "Guan",
        "柴": "Chai", "蒙": "Meng", "鲍": "Bao", "华": "Hua", "喻": "Yu", "祁": "Qi", "蒲": "Pu",
        "房": "Fang", "滕": "Teng", "屈": "Qu", "饶": "Rao", "解": "Xie", "艾": "Ai", "尤": "You",
        "阳": "Yang", "时": "Shi", "穆": "Mu", "农": "Nong", "司": "Si", "卓": "Zhuo", "古": "Gu",
        "吉": "Ji", "缪": "Miao", "简": "Jian", "车": "Che", "项": "Xiang", "连": "Lian", "芦": "Lu",
        "麦": "Mai", "褚": "Chu", "娄": "Lou", "窦": "Dou", "戚": "Qi", "岑": "Cen", "景": "Jing",
        "党": "Dang", "宫": "Gong", "费": "Fei", "卜": "Bu", "冷": "Leng", "晏": "Yan", "席": "Xi",
        "卫": "Wei", "米": "Mi", "柏": "Bai", "宗": "Zong", "瞿": "Qu", "桂": "Gui", "全": "Quan",
        "佟": "Tong", "应": "Ying", "臧": "Zang", "闵": "Min", "苟": "Gou", "邬": "Wu", "边": "Bian",
        "卞": "Bian", "姬": "Ji", "师": "Shi", "和": "He", "仇": "Qiu", "栾": "Luan", "隋": "Sui",
        "商": "Shang", "刁": "Diao", "沙": "Sha", "荣": "Rong", "巫": "Wu", "寇": "Kou", "桑": "Sang",
        "郎": "Lang", "甄": "Zhen", "丛": "Cong", "仲": "Zhong", "虞": "Yu", "敖": "Ao", "巩": "Gong",
        "明": "Ming", "佘": "She", "池": "Chi", "查": "Zha", "麻": "Ma", "苑": "Yuan", "迟": "Chi",
        "邝": "Kuang", "封": "Feng", "谈": "Tan", "匡": "Kuang", "鞠": "Ju", "惠": "Hui", "荆": "Jing",
        "冀": "Ji", "郁": "Yu", "胥": "Xu", "南": "Nan", "班": "Ban", "储": "Chu", "栗": "Li",
        "燕": "Yan", "楚": "Chu", "鄢": "Yan", "劳": "Lao", "奚": "Xi", "皮": "Pi", "粟": "Su",
        "冼": "Xian", "蔺": "Lin", "楼": "Lou", "盘": "Pan", "满": "Man", "闻": "Wen", "位": "Wei",
        "厉": "Li", "伊": "Yi", "仝": "Tong", "区": "Ou", "郜": "Gao", "阚": "Kan", "花": "Hua",
        "权": "Quan", "强": "Qiang", "帅": "Shuai", "屠": "Tu", "朴": "Piao", "练": "Lian", "廉": "Lian",
        "禹": "Yu", "井": "Jing", "祖": "Zu", "丰": "Feng", "卿": "Qing", "狄": "Di", "平": "Ping",
        "索": "Suo", "宣": "Xuan", "晋": "Jin", "初": "Chu", "云": "Yun", "容": "Rong", "来": "Lai",
        "晁": "Chao", "芮": "Rui", "阙": "Que", "伏": "Fu", "鹿": "Lu", "邸": "Di", "雍": "Yong",
        "裘": "Qiu", "修": "Xiu", "杭": "Hang", "茹": "Ru", "战": "Zhan", "危": "Wei", "湛": "Zhan",
        "宾": "Bin", "茅": "Mao", "揭": "Jie", "檀": "Tan", "衣": "Yi", "展": "Zhan", "智": "Zhi",
        "衡": "Heng", "富": "Fu", "尧": "Yao", "蓬": "Peng", "逄": "Pang", "庹": "Tuo", "郗": "Xi",
    ]
}
