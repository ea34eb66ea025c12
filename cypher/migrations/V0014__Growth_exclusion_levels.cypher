// Issue O: growth potential levels for customers whose growth cannot be measured, so that they are not clustered into
// a growth level: STOPPED (no consumption in the last months, or none at all) and INSUFFICIENT_HISTORY (no consumption
// data, consumption began less than the growth window ago, or months missing). They come after the four named levels
// (a stopped customer's "growth" is -100 %), and no strategy of the catalogue points at them.
UNWIND [
  ['STOPPED', 5, '停止用电', 'Stopped consuming'],
  ['INSUFFICIENT_HISTORY', 6, '用电历史不足', 'Insufficient consumption history']
] AS s
MERGE (n:Segment {dimension: 'GROWTH_POTENTIAL', level: s[0]})
SET n.dimensionZh = '发展潜力', n.dimensionEn = 'Growth potential', n.ordinal = s[1], n.nameZh = s[2], n.nameEn = s[3];
