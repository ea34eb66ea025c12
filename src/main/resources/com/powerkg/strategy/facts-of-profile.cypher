// Facts of a customer profile asked for without a customer (campaign design): the segments, tags, grade, needs and
// preferred channel given as parameters, looked up as the nodes strategies point at. Followed by resolution.cypher.
CALL () {
  UNWIND $segments AS wanted
  MATCH (s:Segment {dimension: wanted.dimension, level: wanted.level})
  RETURN s AS node, 'IN_SEGMENT ' + s.dimension + ' = ' + s.level + ' (' + s.nameZh + ', as asked)' AS why
  UNION
  UNWIND $tags AS code
  MATCH (t:Tag {code: code})
  RETURN t AS node, 'HAS_TAG ' + t.code + ' (' + t.nameZh + ', as asked)' AS why
  UNION
  UNWIND $grades AS grade
  MATCH (g:CreditGrade {grade: grade})
  RETURN g AS node, 'RATED ' + g.grade + ' (' + g.nameZh + ', as asked)' AS why
  UNION
  UNWIND $needs AS code
  MATCH (n:Need {code: code})
  RETURN n AS node, 'NEEDS ' + n.code + ' (' + n.nameZh + ', as asked)' AS why
  UNION
  UNWIND $channels AS code
  MATCH (ch:Channel {code: code})
  RETURN ch AS node, 'PREFERS ' + ch.code + ' (' + ch.nameZh + ', as asked)' AS why
}
WITH collect({node: node, why: why}) AS facts
