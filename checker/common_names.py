"""The common surnames (and Korean given-name syllables) that tell a name's language, so
that `checker.text_encoding` can tell a Chinese list from a Korean or Japanese one whose
bytes read as common Chinese characters in GB18030 (김민준 → 辫刮霖, 田中太郎 → 拍面吕虾).

The lists are of the most common names only: a name not in them is no evidence either way.
"""

from __future__ import annotations

__all__ = [
    "CHINESE_COMPOUND_SURNAMES",
    "CHINESE_GIVEN_NAME_CHARACTERS",
    "CHINESE_SURNAMES",
    "JAPANESE_NAME_KANJI",
    "JAPANESE_SURNAMES",
    "KOREAN_GIVEN_SYLLABLES",
    "KOREAN_SURNAMES",
]

# The hundred or so most common Chinese surnames, in simplified characters.
CHINESE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍"
    "华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
    "宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
CHINESE_COMPOUND_SURNAMES = frozenset(
    ("欧阳", "司马", "诸葛", "上官", "东方", "令狐", "慕容", "皇甫", "尉迟", "公孙", "司徒")
)
# Characters common in Chinese given names (伟 芳 娜 浩 宇 涵...): a name whose given-name
# characters are all of them reads as a Chinese name; one whose GB18030 reading has another
# (巩沥痹, 葛蝴: a Korean name in EUC-KR) is less likely to be one.
CHINESE_GIVEN_NAME_CHARACTERS = frozenset(
    "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清"
    "飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善"
    "厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家"
    "致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春"
    "菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦"
    "黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦"
    "昭冰爽琬茗羽希欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿"
    "桦骅剑娇纪宽灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿烟小涵梓轩一诺"
    "远昊然皓熙铭煜瀚霖鑫凯宸烨奕佑骏语萌彤玥桐沐芮淇汐依诗冉慕洛朵橙米七芷璟钰珂瑜璇蕾颜墨尧"
    "弈铄灏楷淳崇岳翊旻晟恺峻珏屹跃钦炜琨锐坤晖昕韬晔暄曦渊源澄湘潇沛漫溪淼森雷霆铮卓越修瑄歆"
    "筱潼煊苒楚茹佩芊莹霏凌卫兵二三四五六八九十大金银喜禄寿财旺长立方正晋孝礼智俭朝耀祖继昆仑"
    "岗峥嵘鼎渝川钢铁锋根柱满仓宾晗玮璋琮瑛珺璞珑昱晏景暖暮映夏冬苗茵荟葳蒙蔚蕙蕴藻吉敢能浪湖"
    "泉澈净朴岭石柏杨柳桃李地日霜理道书庭亲懿亦易益翼萧肖姿滋郁好加均斯施含韩函帛则宣臣亭廷祺"
    "麒绮岐麟淋薛俐盈迎婧靖竞镜精单涓鹃卉徽敏闽岷舫丰沣研苹屏虹洪泓昀匀运岫捷靓斐泳滨煦滔名巍"
    "蔷龄菱聆翎宛菀孟路鹭陆童曈舟洲周州铠喆谨槿汉键姗妙袁圆缘擎芹沁姝抒帆繁黎旋帅"
)
# The Korean surnames that most Koreans have (김 이 박 최 정 ... about 99 in 100).
KOREAN_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지"
    "엄변채원천방공현함염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉"
)
# The syllables of common Korean given names (민준, 서연, 지훈, 하은...).
KOREAN_GIVEN_SYLLABLES = frozenset(
    "가각간갑강건경계고공관광교구국군권규균근금기길나남내노다단달담대덕도동두득라래란량련렬령"
    "례로록룡류륜률리린림마만명모목무문미민박배백범벽병보복봉부분비빈사산삼상새서석선설섭성세"
    "소솔송수숙순술숭슬승시식신실심아안애양언업여연열영예오옥온완왕요용우욱운웅원월위유윤율은"
    "을음의이익인일임자작장재전정제조종주준중지진찬창채철청초춘충치탁태택하학한해향허헌혁현협"
    "형혜호홍화환황회효후훈휘희름람별빛솜결"
)
# The most common Japanese surnames, of one to three kanji (佐藤 鈴木 高橋 田中...); not 原
# or 南, which are 付 and 祁 in GB18030, Chinese surnames themselves.
JAPANESE_SURNAMES = frozenset(
    [
        "佐藤",
        "鈴木",
        "高橋",
        "田中",
        "伊藤",
        "渡辺",
        "渡邊",
        "山本",
        "中村",
        "小林",
        "加藤",
        "吉田",
        "山田",
        "佐々木",
        "山口",
        "松本",
        "井上",
        "木村",
        "斎藤",
        "斉藤",
        "清水",
        "山崎",
        "池田",
        "橋本",
        "阿部",
        "石川",
        "山下",
        "中島",
        "石井",
        "小川",
        "前田",
        "岡田",
        "長谷川",
        "藤田",
        "後藤",
        "近藤",
        "村上",
        "遠藤",
        "青木",
        "坂本",
        "福田",
        "太田",
        "西村",
        "藤井",
        "金子",
        "岡本",
        "藤原",
        "中野",
        "三浦",
        "原田",
        "中川",
        "松田",
        "竹内",
        "小野",
        "田村",
        "中山",
        "和田",
        "石田",
        "森田",
        "上田",
        "柴田",
        "酒井",
        "工藤",
        "横山",
        "宮崎",
        "宮本",
        "内田",
        "高木",
        "安藤",
        "島田",
        "谷口",
        "大野",
        "丸山",
        "今井",
        "河野",
        "藤本",
        "村田",
        "武田",
        "上野",
        "杉山",
        "増田",
        "小山",
        "大塚",
        "平野",
        "菅原",
        "林",
        "森",
        "久保",
        "松井",
        "千葉",
        "岩崎",
        "桜井",
        "木下",
        "野口",
        "松尾",
        "菊地",
        "野村",
        "新井",
    ]
)
# The kanji most Japanese names are written with (surnames and given names: 田 山 川 藤, 郎 子
# 美 太): a name of such kanji only is Japanese evidence, whatever its surname.
JAPANESE_NAME_KANJI = frozenset(
    "田山川野木村井原藤島嶋本中小大高橋佐鈴伊渡辺邊松林森清水石岡坂上下前後近遠青福太西金長谷"
    "宮内丸今河杉増平菅久保千葉岩桜菊新北南東口池吉加斎斉阿部堀関横工酒柴安武和竹三浦秋荒浅塚"
    "沢澤崎鳥羽白黒赤緑梅菅星永市倉片桑栗榊楠根津浜瀬尾谷戸畑堤土屋寺房村々熊鬼"
    "一二三四五郎次子美恵智由香奈真理沙織愛花菜陽翔輔拓也直樹誠浩健亮隆博修茂勇光勝正人秀明幸"
    "洋京彩舞麻衣尋結葵凛蓮悠湊晴颯優裕紀之雄夫男彦哉斗介助吾朗義信弘宏康雅達春夏冬雪月空海"
    "岳峰綾絵咲桃実穂乃歩夢望希萌華代江枝世早紗貴啓敏聡忠昭孝典英俊治実涼学気見地"
)
