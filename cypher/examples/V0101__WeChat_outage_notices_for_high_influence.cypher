// Example steward script: a new strategy for the catalogue (SPEC §6). High-social-influence customers who prefer
// WeChat and are sensitive to outages hear about planned outages through the WeChat service account, from their
// account manager. It has three conditions, so it beats the catalogue's one- and two-condition SUPPLY_NOTICE
// strategies for exactly these customers. To use it, copy it into cypher/migrations/ with the next free version
// number; the next start applies it, and every strategies query honours it at once.
//
// The last statement makes the script fail, and so change nothing, if a condition names no node (a typo in a code
// would otherwise leave the strategy applying to more customers than meant).
UNWIND [
  {code: 'SI_HIGH_WECHAT_OUTAGE_NOTICE', aspect: 'BASIC_NEED', topic: 'SUPPLY_NOTICE', priority: 10, via: 'WECHAT',
   source: 'steward example V0101',
   textZh: '社会影响力高、偏好微信且停电敏感的客户,计划停电前由客户经理通过微信服务号逐户告知,并确认客户已读。',
   textEn: 'High-social-influence customers who prefer WeChat and are sensitive to outages: before a planned outage the account manager tells each of them through the WeChat service account and checks it was read.',
   when: ['SEGMENT:SOCIAL_INFLUENCE:HIGH', 'CHANNEL:WECHAT', 'NEED:OUTAGE_SENSITIVE']}
] AS row
MERGE (s:Strategy {code: row.code})
SET s.aspect = row.aspect, s.topic = row.topic, s.priority = row.priority, s.source = row.source,
    s.textZh = row.textZh, s.textEn = row.textEn, s.conditions = size(row.when), s.deliveredVia = row.via,
    s.enabled = coalesce(s.enabled, true)
WITH s, row
CALL (s, row) {
  UNWIND row.when AS condition
  WITH s, split(condition, ':') AS part
  OPTIONAL MATCH (seg:Segment {dimension: part[1], level: part[2]}) WHERE part[0] = 'SEGMENT'
  OPTIONAL MATCH (tag:Tag {code: part[1]}) WHERE part[0] = 'TAG'
  OPTIONAL MATCH (grade:CreditGrade {grade: part[1]}) WHERE part[0] = 'GRADE'
  OPTIONAL MATCH (need:Need {code: part[1]}) WHERE part[0] = 'NEED'
  OPTIONAL MATCH (channel:Channel {code: part[1]}) WHERE part[0] = 'CHANNEL'
  WITH s, coalesce(seg, tag, grade, need, channel) AS target
  WHERE target IS NOT NULL
  MERGE (s)-[:WHEN]->(target)
}
CALL (s, row) {
  OPTIONAL MATCH (via:Channel {code: row.via})
  WITH s, via WHERE via IS NOT NULL
  MERGE (s)-[:DELIVERED_VIA]->(via)
};

MATCH (s:Strategy)
WITH [x IN collect(s) WHERE COUNT { (x)-[:WHEN]->() } <> x.conditions
        OR COUNT { (x)-[:WHEN]->(n) WHERE NOT (n:Segment OR n:Tag OR n:CreditGrade OR n:Need OR n:Channel) } > 0
        OR (x.deliveredVia IS NOT NULL AND NOT EXISTS { (x)-[:DELIVERED_VIA]->(:Channel {code: x.deliveredVia}) })
        OR x.enabled IS NULL OR x.aspect IS NULL OR x.topic IS NULL OR x.priority IS NULL | x.code] AS broken
RETURN broken, 1 / (1 - sign(size(broken))) AS everyStrategyIsComplete;
