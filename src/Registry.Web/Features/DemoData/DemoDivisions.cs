namespace Registry.Web.Features.DemoData;

/// <summary>
/// One real administrative division (GB/T 2260) that demo companies register in. <see cref="Region"/> is
/// the city that starts the company's name (the prefecture, or the county-level city itself), so the name
/// and the credit code's positions 3–8 always agree. <see cref="Weight"/> skews the load towards the
/// commercial centres where most certified companies are.
/// </summary>
internal sealed record DemoDivision(string Code, string Region, string RegionEn, string CityZh, string DistrictZh, int Weight)
{
    public string ProvinceCode => Code[..2];
}

/// <summary>A curated table of real district and county-level division codes across the provinces.</summary>
internal static class DemoDivisions
{
    public static IReadOnlyList<DemoDivision> All { get; } =
    [
        // 11 北京
        new("110101", "北京", "Beijing", "北京市", "东城区", 3),
        new("110105", "北京", "Beijing", "北京市", "朝阳区", 6),
        new("110106", "北京", "Beijing", "北京市", "丰台区", 3),
        new("110108", "北京", "Beijing", "北京市", "海淀区", 5),
        new("110114", "北京", "Beijing", "北京市", "昌平区", 2),
        // 12 天津
        new("120104", "天津", "Tianjin", "天津市", "南开区", 2),
        new("120116", "天津", "Tianjin", "天津市", "滨海新区", 3),
        // 13 河北
        new("130102", "石家庄", "Shijiazhuang", "石家庄市", "长安区", 2),
        new("130203", "唐山", "Tangshan", "唐山市", "路北区", 1),
        new("130602", "保定", "Baoding", "保定市", "竞秀区", 1),
        // 14 山西
        new("140105", "太原", "Taiyuan", "太原市", "小店区", 2),
        // 15 内蒙古
        new("150102", "呼和浩特", "Hohhot", "呼和浩特市", "新城区", 1),
        new("150203", "包头", "Baotou", "包头市", "昆都仑区", 1),
        // 21 辽宁
        new("210102", "沈阳", "Shenyang", "沈阳市", "和平区", 2),
        new("210202", "大连", "Dalian", "大连市", "中山区", 2),
        // 22 吉林
        new("220102", "长春", "Changchun", "长春市", "南关区", 2),
        // 23 黑龙江
        new("230103", "哈尔滨", "Harbin", "哈尔滨市", "南岗区", 2),
        // 31 上海
        new("310101", "上海", "Shanghai", "上海市", "黄浦区", 3),
        new("310104", "上海", "Shanghai", "上海市", "徐汇区", 3),
        new("310112", "上海", "Shanghai", "上海市", "闵行区", 4),
        new("310115", "上海", "Shanghai", "上海市", "浦东新区", 7),
        new("310117", "上海", "Shanghai", "上海市", "松江区", 2),
        // 32 江苏
        new("320102", "南京", "Nanjing", "南京市", "玄武区", 3),
        new("320105", "南京", "Nanjing", "南京市", "建邺区", 2),
        new("320211", "无锡", "Wuxi", "无锡市", "滨湖区", 3),
        new("320303", "徐州", "Xuzhou", "徐州市", "云龙区", 2),
        new("320402", "常州", "Changzhou", "常州市", "天宁区", 2),
        new("320505", "苏州", "Suzhou", "苏州市", "虎丘区", 4),
        new("320506", "苏州", "Suzhou", "苏州市", "吴中区", 3),
        new("320602", "南通", "Nantong", "南通市", "崇川区", 2),
        // 33 浙江
        new("330106", "杭州", "Hangzhou", "杭州市", "西湖区", 4),
        new("330108", "杭州", "Hangzhou", "杭州市", "滨江区", 4),
        new("330110", "杭州", "Hangzhou", "杭州市", "余杭区", 3),
        new("330203", "宁波", "Ningbo", "宁波市", "海曙区", 3),
        new("330212", "宁波", "Ningbo", "宁波市", "鄞州区", 3),
        new("330302", "温州", "Wenzhou", "温州市", "鹿城区", 3),
        new("330402", "嘉兴", "Jiaxing", "嘉兴市", "南湖区", 2),
        new("330602", "绍兴", "Shaoxing", "绍兴市", "越城区", 2),
        new("330782", "义乌", "Yiwu", "义乌市", string.Empty, 2),
        // 34 安徽
        new("340104", "合肥", "Hefei", "合肥市", "蜀山区", 3),
        new("340111", "合肥", "Hefei", "合肥市", "包河区", 2),
        new("340202", "芜湖", "Wuhu", "芜湖市", "镜湖区", 1),
        // 35 福建
        new("350102", "福州", "Fuzhou", "福州市", "鼓楼区", 2),
        new("350203", "厦门", "Xiamen", "厦门市", "思明区", 3),
        new("350206", "厦门", "Xiamen", "厦门市", "湖里区", 2),
        new("350582", "晋江", "Jinjiang", "晋江市", string.Empty, 2),
        // 36 江西
        new("360102", "南昌", "Nanchang", "南昌市", "东湖区", 2),
        // 37 山东
        new("370102", "济南", "Jinan", "济南市", "历下区", 3),
        new("370202", "青岛", "Qingdao", "青岛市", "市南区", 3),
        new("370203", "青岛", "Qingdao", "青岛市", "市北区", 3),
        new("370211", "青岛", "Qingdao", "青岛市", "黄岛区", 2),
        new("370602", "烟台", "Yantai", "烟台市", "芝罘区", 2),
        new("370702", "潍坊", "Weifang", "潍坊市", "潍城区", 2),
        // 41 河南
        new("410105", "郑州", "Zhengzhou", "郑州市", "金水区", 3),
        new("410305", "洛阳", "Luoyang", "洛阳市", "涧西区", 2),
        // 42 湖北
        new("420102", "武汉", "Wuhan", "武汉市", "江岸区", 2),
        new("420106", "武汉", "Wuhan", "武汉市", "武昌区", 3),
        new("420111", "武汉", "Wuhan", "武汉市", "洪山区", 2),
        new("420502", "宜昌", "Yichang", "宜昌市", "西陵区", 1),
        // 43 湖南
        new("430104", "长沙", "Changsha", "长沙市", "岳麓区", 3),
        new("430105", "长沙", "Changsha", "长沙市", "开福区", 2),
        new("430202", "株洲", "Zhuzhou", "株洲市", "荷塘区", 1),
        // 44 广东
        new("440104", "广州", "Guangzhou", "广州市", "越秀区", 3),
        new("440106", "广州", "Guangzhou", "广州市", "天河区", 6),
        new("440111", "广州", "Guangzhou", "广州市", "白云区", 4),
        new("440304", "深圳", "Shenzhen", "深圳市", "福田区", 5),
        new("440305", "深圳", "Shenzhen", "深圳市", "南山区", 6),
        new("440306", "深圳", "Shenzhen", "深圳市", "宝安区", 5),
        new("440307", "深圳", "Shenzhen", "深圳市", "龙岗区", 4),
        new("440402", "珠海", "Zhuhai", "珠海市", "香洲区", 2),
        new("440604", "佛山", "Foshan", "佛山市", "禅城区", 3),
        new("440606", "佛山", "Foshan", "佛山市", "顺德区", 5),
        new("441900", "东莞", "Dongguan", "东莞市", string.Empty, 6),
        new("442000", "中山", "Zhongshan", "中山市", string.Empty, 4),
        // 45 广西
        new("450103", "南宁", "Nanning", "南宁市", "青秀区", 2),
        new("450202", "柳州", "Liuzhou", "柳州市", "城中区", 1),
        // 46 海南
        new("460106", "海口", "Haikou", "海口市", "龙华区", 1),
        // 50 重庆
        new("500103", "重庆", "Chongqing", "重庆市", "渝中区", 2),
        new("500112", "重庆", "Chongqing", "重庆市", "渝北区", 3),
        // 51 四川
        new("510104", "成都", "Chengdu", "成都市", "锦江区", 3),
        new("510107", "成都", "Chengdu", "成都市", "武侯区", 4),
        new("510108", "成都", "Chengdu", "成都市", "成华区", 2),
        new("510703", "绵阳", "Mianyang", "绵阳市", "涪城区", 1),
        // 52 贵州
        new("520102", "贵阳", "Guiyang", "贵阳市", "南明区", 2),
        // 53 云南
        new("530102", "昆明", "Kunming", "昆明市", "五华区", 2),
        // 54 西藏
        new("540102", "拉萨", "Lhasa", "拉萨市", "城关区", 1),
        // 61 陕西
        new("610103", "西安", "Xi'an", "西安市", "碑林区", 2),
        new("610113", "西安", "Xi'an", "西安市", "雁塔区", 3),
        // 62 甘肃
        new("620102", "兰州", "Lanzhou", "兰州市", "城关区", 1),
        // 63 青海
        new("630102", "西宁", "Xining", "西宁市", "城东区", 1),
        // 64 宁夏
        new("640104", "银川", "Yinchuan", "银川市", "兴庆区", 1),
        // 65 新疆
        new("650102", "乌鲁木齐", "Urumqi", "乌鲁木齐市", "天山区", 1),
    ];

    private static readonly Dictionary<string, DemoDivision> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    public static DemoDivision? Find(string code) => ByCode.GetValueOrDefault(code);
}
