// Value segmentation (SPEC §4, seed 002): the four dimensions' named levels as Segment nodes that runs attach
// customers to with IN_SEGMENT {run, distance}, and that strategies can point at. Per-run figures live on
// SegmentProfile, ClusteringTrial and SegmentTransition nodes hung off the AnalyticsRun.
UNWIND [
  ['REVENUE_CONTRIBUTION', '收入贡献', 'Revenue contribution', 1, 'HIGH', '收入贡献度高', 'High revenue contribution'],
  ['REVENUE_CONTRIBUTION', '收入贡献', 'Revenue contribution', 2, 'MEDIUM', '收入贡献度中等', 'Medium revenue contribution'],
  ['REVENUE_CONTRIBUTION', '收入贡献', 'Revenue contribution', 3, 'LOW', '收入贡献度偏低', 'Low revenue contribution'],
  ['SOCIAL_INFLUENCE', '社会影响力', 'Social influence', 1, 'HIGH', '高影响力', 'High social influence'],
  ['SOCIAL_INFLUENCE', '社会影响力', 'Social influence', 2, 'MEDIUM', '中影响力', 'Medium social influence'],
  ['SOCIAL_INFLUENCE', '社会影响力', 'Social influence', 3, 'LOW', '低影响力', 'Low social influence'],
  ['GROWTH_POTENTIAL', '发展潜力', 'Growth potential', 1, 'FAST_GROWTH', '快速增长型', 'Fast growth'],
  ['GROWTH_POTENTIAL', '发展潜力', 'Growth potential', 2, 'STEADY_GROWTH', '普通增长型', 'Steady growth'],
  ['GROWTH_POTENTIAL', '发展潜力', 'Growth potential', 3, 'STABLE', '平稳型', 'Stable'],
  ['GROWTH_POTENTIAL', '发展潜力', 'Growth potential', 4, 'DECLINING', '衰减型', 'Declining'],
  ['ARREARS_RISK', '欠费风险', 'Arrears risk', 1, 'HIGH', '高风险', 'High arrears risk'],
  ['ARREARS_RISK', '欠费风险', 'Arrears risk', 2, 'MEDIUM', '中风险', 'Medium arrears risk'],
  ['ARREARS_RISK', '欠费风险', 'Arrears risk', 3, 'LOW', '低风险', 'Low arrears risk']
] AS s
MERGE (n:Segment {dimension: s[0], level: s[4]})
SET n.dimensionZh = s[1], n.dimensionEn = s[2], n.ordinal = s[3], n.nameZh = s[5], n.nameEn = s[6];
