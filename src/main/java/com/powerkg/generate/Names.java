package com.powerkg.generate;

import java.util.Map;
import java.util.SplittableRandom;

/** Plausible Chinese person and organisation names and mobile numbers; all fictitious. */
final class Names {

	private static final String[] SURNAMES = (
			"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
			.split("");

	private static final String[] GIVEN_CHARS = (
			"伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华建国志海燕晓东红文斌宇浩欣婷雪琳鹏辉玲俊峰桂英秀兰凤梅春林波宁健亮飞鑫佳慧颖倩晨阳")
			.split("");

	private static final String[] TRADE_NAMES = {
		"恒达", "华兴", "鑫源", "宏远", "金泰", "瑞丰", "永盛", "德润", "天成", "博远", "康达", "新华",
		"长青", "润丰", "中联", "联创", "汇通", "正阳", "安泰", "昌盛", "锦程", "顺发", "嘉禾", "利民",
		"广源", "振兴", "海联", "九鼎", "宏图", "东方"
	};

	private static final String[] ORDINALS = {"第一", "第二", "第三", "第四", "第五", "第六"};

	/** GB/T 4754 division to the ways such an organisation is named. */
	private static final Map<String, String[]> SUFFIXES = Map.ofEntries(
			Map.entry("C13", new String[] {"食品有限公司", "粮油加工有限公司"}),
			Map.entry("C26", new String[] {"化工有限公司", "新材料科技有限公司"}),
			Map.entry("C30", new String[] {"建材有限公司", "水泥有限公司", "玻璃制品有限公司"}),
			Map.entry("C31", new String[] {"钢铁有限公司", "特钢有限公司"}),
			Map.entry("C32", new String[] {"铝业有限公司", "有色金属有限公司"}),
			Map.entry("C33", new String[] {"金属制品有限公司", "五金制品有限公司"}),
			Map.entry("C34", new String[] {"机械制造有限公司", "通用设备有限公司"}),
			Map.entry("C36", new String[] {"汽车零部件有限公司", "汽车配件制造有限公司"}),
			Map.entry("C38", new String[] {"电气设备有限公司", "电机制造有限公司"}),
			Map.entry("C39", new String[] {"电子科技有限公司", "光电科技有限公司"}),
			Map.entry("E47", new String[] {"建筑工程有限公司", "建设工程有限公司"}),
			Map.entry("F52", new String[] {"商贸有限公司", "超市有限公司", "百货有限公司"}),
			Map.entry("H61", new String[] {"大酒店有限公司", "酒店管理有限公司"}),
			Map.entry("H62", new String[] {"餐饮管理有限公司", "酒楼有限公司"}),
			Map.entry("I65", new String[] {"信息技术有限公司", "软件科技有限公司"}),
			Map.entry("K70", new String[] {"物业管理有限公司", "房地产开发有限公司"}),
			Map.entry("L72", new String[] {"商务服务有限公司", "企业管理咨询有限公司"}),
			Map.entry("A01", new String[] {"种植专业合作社", "果蔬种植专业合作社", "家庭农场"}),
			Map.entry("A03", new String[] {"养殖专业合作社", "生态养殖场"}),
			Map.entry("A05", new String[] {"农机服务专业合作社", "灌溉服务站"}));

	private static final String[] SCHOOLS = {"中学", "小学", "实验学校"};
	private static final String[] HOSPITALS = {"人民医院", "中医院", "妇幼保健院", "社区卫生服务中心"};
	private static final String[] GOVERNMENT = {"街道办事处", "市场监督管理所", "税务分局", "派出所", "政务服务中心"};

	private static final String[] MOBILE_PREFIXES = {
		"130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
		"150", "151", "152", "153", "155", "156", "157", "158", "159",
		"180", "181", "182", "183", "184", "185", "186", "187", "188", "189"
	};

	private Names() {
	}

	static String person(SplittableRandom rng) {
		String surname = Randoms.pick(rng, SURNAMES);
		String given = Randoms.pick(rng, GIVEN_CHARS);
		return rng.nextDouble() < 0.6 ? surname + given + Randoms.pick(rng, GIVEN_CHARS) : surname + given;
	}

	/** 11 digits, 13x / 15x / 18x. */
	static String mobile(SplittableRandom rng) {
		char[] digits = new char[11];
		String prefix = Randoms.pick(rng, MOBILE_PREFIXES);
		prefix.getChars(0, 3, digits, 0);
		for (int i = 3; i < 11; i++) {
			digits[i] = (char) ('0' + rng.nextInt(10));
		}
		return new String(digits);
	}

	/** @param district the part of the region before 网格, e.g. 城东 */
	static String organisation(SplittableRandom rng, String district, String industryCode) {
		return switch (industryCode) {
			case "P83" -> rng.nextDouble() < 0.6
					? district + Randoms.pick(rng, ORDINALS) + Randoms.pick(rng, SCHOOLS)
					: district + Randoms.pick(rng, TRADE_NAMES) + "职业技术学校";
			case "Q84" -> rng.nextDouble() < 0.5
					? district + Randoms.pick(rng, HOSPITALS)
					: district + Randoms.pick(rng, TRADE_NAMES) + "医院";
			case "S92" -> district + Randoms.pick(rng, GOVERNMENT);
			default -> district + Randoms.pick(rng, TRADE_NAMES)
					+ Randoms.pick(rng, SUFFIXES.getOrDefault(industryCode, new String[] {"有限公司"}));
		};
	}
}
