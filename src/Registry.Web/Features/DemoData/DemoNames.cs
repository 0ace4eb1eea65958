namespace Registry.Web.Features.DemoData;

/// <summary>A trade a demo company works in: the word in its name, and the scope its certificates cover.</summary>
internal sealed record DemoTrade(string NameZh, string NameEn, string ScopeZh, string ScopeEn, int Weight);

/// <summary>A legal form that ends a Chinese company name, with its usual English rendering.</summary>
internal sealed record DemoLegalForm(string NameZh, string NameEn, int Weight);

/// <summary>
/// The parts fictional company names are made of: region + brand (two syllables) + trade + legal form,
/// e.g. 杭州瑞澜家电有限公司 / Hangzhou Ruilan Home Appliances Co., Ltd. The syllables are chosen to sound
/// like plausible trade names while leaving out the characters of well-known brands; <see cref="Denylist"/>
/// catches the pairs that would still spell a real brand, and the generator never uses them.
/// </summary>
internal static class DemoNames
{
    public static IReadOnlyList<(string Zh, string Pinyin)> BrandSyllables { get; } =
    [
        ("瑞", "Rui"), ("澜", "Lan"), ("鑫", "Xin"), ("恒", "Heng"), ("泰", "Tai"), ("晟", "Sheng"),
        ("嘉", "Jia"), ("骏", "Jun"), ("沃", "Wo"), ("禾", "He"), ("朗", "Lang"), ("铂", "Bo"),
        ("煜", "Yu"), ("琨", "Kun"), ("翔", "Xiang"), ("岚", "Lan"), ("昱", "Yu"), ("锦", "Jin"),
        ("宸", "Chen"), ("弘", "Hong"), ("赫", "He"), ("钧", "Jun"), ("璟", "Jing"), ("曜", "Yao"),
        ("旻", "Min"), ("湛", "Zhan"), ("蔚", "Wei"), ("峻", "Jun"), ("澄", "Cheng"), ("启", "Qi"),
        ("诺", "Nuo"), ("森", "Sen"), ("源", "Yuan"), ("拓", "Tuo"), ("达", "Da"), ("航", "Hang"),
        ("远", "Yuan"), ("舜", "Shun"), ("祥", "Xiang"), ("丰", "Feng"), ("益", "Yi"), ("德", "De"),
        ("众", "Zhong"), ("汇", "Hui"), ("融", "Rong"), ("越", "Yue"), ("卓", "Zhuo"), ("优", "You"),
        ("睿", "Rui"), ("凯", "Kai"), ("尚", "Shang"), ("和", "He"), ("润", "Run"), ("通", "Tong"),
        ("盛", "Sheng"), ("鸿", "Hong"), ("茂", "Mao"), ("佳", "Jia"), ("皓", "Hao"), ("辰", "Chen"),
        ("宇", "Yu"), ("川", "Chuan"), ("弈", "Yi"), ("晴", "Qing"), ("璞", "Pu"), ("桐", "Tong"),
        ("枫", "Feng"), ("蓝", "Lan"), ("柏", "Bai"), ("岳", "Yue"), ("铭", "Ming"), ("颐", "Yi"),
        ("聚", "Ju"), ("昊", "Hao"), ("轩", "Xuan"),
    ];

    /// <summary>
    /// Brands (and brand-like pairs) of real, well-known companies: never generated. The syllables above
    /// already lack the characters of most famous appliance, car and phone makers (海尔, 格力, 美的, 华为,
    /// 小米, 联想, 海信, 长虹, 比亚迪 ...), so this only lists what they could still spell.
    /// </summary>
    public static IReadOnlySet<string> Denylist { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "凯德", "卓越", "汇源", "宇通", "益丰", "恒丰", "尚德", "众泰", "启辰", "泰达", "凯越", "汇通",
        "颐和", "和泰", "沃森", "汇丰", "凯瑞", "瑞丰", "嘉禾", "禾丰", "佳源", "德众", "远航", "启航",
        "通达", "恒通", "盛和", "鸿达", "达丰", "越秀", "汇聚", "和达", "恒源", "融汇", "丰和", "鑫达",
    };

    public static IReadOnlyList<DemoTrade> Trades { get; } =
    [
        new("家电", "Home Appliances", "家用电器的销售、配送、安装及维修服务", "Sales, delivery, installation and repair of household appliances", 10),
        new("电器", "Electric Appliances", "小家电产品的销售、配送及维修服务", "Sales, delivery and repair of small household appliances", 5),
        new("汽车销售服务", "Automobile Sales & Service", "乘用车的销售、维修保养及配件供应服务", "Sales, maintenance and spare-parts supply for passenger cars", 8),
        new("电梯", "Elevator", "电梯的销售、安装、改造及维修保养服务", "Sales, installation, modernisation and maintenance of elevators", 5),
        new("物业服务", "Property Services", "住宅及商业物业的管理与维修服务", "Management and maintenance of residential and commercial properties", 4),
        new("家具", "Furniture", "家具的销售、配送、安装及售后维修服务", "Sales, delivery, installation and after-sales repair of furniture", 7),
        new("门窗", "Doors & Windows", "系统门窗的销售、测量、安装及维修服务", "Sales, measurement, installation and repair of doors and windows", 5),
        new("环保科技", "Environmental Technology", "污水处理设备的销售、安装调试及运行维护服务", "Sales, installation, commissioning and operation and maintenance of wastewater treatment equipment", 4),
        new("工程机械", "Construction Machinery", "工程机械的销售、配件供应及维修服务", "Sales, spare-parts supply and repair of construction machinery", 4),
        new("净水科技", "Water Purification Technology", "净水设备的销售、安装、滤芯更换及维修服务", "Sales, installation, filter replacement and repair of water purifiers", 4),
        new("照明", "Lighting", "照明灯具的销售、安装及维修服务", "Sales, installation and repair of lighting fixtures", 3),
        new("厨卫电器", "Kitchen & Bathroom Appliances", "厨房及卫浴电器的销售、安装及维修服务", "Sales, installation and repair of kitchen and bathroom appliances", 4),
        new("空调设备", "Air Conditioning Equipment", "中央空调设备的销售、安装及维修保养服务", "Sales, installation and maintenance of central air-conditioning equipment", 4),
        new("电动车", "Electric Vehicle", "电动自行车的销售及维修服务", "Sales and repair of electric bicycles", 3),
        new("服饰", "Apparel", "服装服饰的销售及售后服务", "Sales and after-sales service of apparel", 3),
        new("安防科技", "Security Technology", "安防监控系统的销售、安装及维护服务", "Sales, installation and maintenance of security and surveillance systems", 4),
        new("医疗器械", "Medical Devices", "第一类、第二类医疗器械的销售、配送及维修服务", "Sales, delivery and repair of Class I and Class II medical devices", 3),
        new("建材", "Building Materials", "建筑材料的销售及配送服务", "Sales and delivery of building materials", 3),
        new("农业机械", "Agricultural Machinery", "农业机械的销售、配件供应及维修服务", "Sales, spare-parts supply and repair of agricultural machinery", 2),
        new("办公设备", "Office Equipment", "办公设备的销售、安装及维修服务", "Sales, installation and repair of office equipment", 3),
        new("通信设备", "Communication Equipment", "通信设备的销售、安装及技术支持服务", "Sales, installation and technical support of communication equipment", 2),
        new("信息技术", "Information Technology", "计算机软硬件产品的销售、实施及运维服务", "Sales, implementation, operation and maintenance of computer hardware and software", 4),
        new("消防设备", "Fire Protection Equipment", "消防设备的销售、安装及维护保养服务", "Sales, installation and maintenance of fire protection equipment", 2),
        new("锅炉", "Boiler", "工业锅炉的销售、安装及维修服务", "Sales, installation and repair of industrial boilers", 1),
        new("泵业", "Pump", "水泵的销售、安装及维修服务", "Sales, installation and repair of water pumps", 2),
        new("涂料", "Coatings", "建筑涂料的销售、施工指导及售后服务", "Sales, application guidance and after-sales service of architectural coatings", 2),
        new("轮胎", "Tyre", "轮胎的销售、安装及售后服务", "Sales, fitting and after-sales service of tyres", 2),
        new("物流", "Logistics", "货物运输、仓储及配送服务", "Freight transport, warehousing and delivery services", 3),
        new("地板", "Flooring", "木地板的销售、铺装及维修服务", "Sales, installation and repair of wooden flooring", 2),
        new("卫浴", "Sanitary Ware", "卫浴洁具的销售、安装及维修服务", "Sales, installation and repair of sanitary ware", 3),
        new("智能家居", "Smart Home", "智能家居产品的销售、安装调试及维修服务", "Sales, installation, commissioning and repair of smart home products", 3),
        new("新能源科技", "New Energy Technology", "光伏发电设备的销售、安装及运行维护服务", "Sales, installation, operation and maintenance of photovoltaic equipment", 3),
        new("仪器仪表", "Instruments", "仪器仪表的销售、校准及维修服务", "Sales, calibration and repair of instruments and meters", 2),
        new("汽车服务", "Automotive Services", "汽车维修保养及美容服务", "Car maintenance, repair and detailing services", 2),
        new("家居", "Home Furnishing", "定制家居的设计、销售、安装及售后服务", "Design, sales, installation and after-sales service of custom home furnishings", 4),
        new("电子商务", "E-commerce", "网络零售商品的销售、配送及售后服务", "Online retail sales, delivery and after-sales service", 3),
    ];

    public static IReadOnlyList<DemoLegalForm> LegalForms { get; } =
    [
        new("有限公司", "Co., Ltd.", 60),
        new("股份有限公司", "Co., Ltd.", 15),
        new("有限责任公司", "Co., Ltd.", 15),
        new("集团有限公司", "Group Co., Ltd.", 10),
    ];

    /// <summary>Streets for addresses; common names found in many cities, with made-up house numbers.</summary>
    public static IReadOnlyList<string> Streets { get; } =
    [
        "人民路", "解放路", "中山路", "建设路", "新华路", "长江路", "黄河路", "学院路", "科技路", "创业大道",
        "工业园路", "滨江路", "文化路", "光明路", "和平路", "胜利路", "迎宾大道", "高新大道", "振兴路", "金桥路",
    ];
}
