// Customer needs (seed 003) that strategies can be conditioned on (V0012).
// A need is found in the customer's 95598 work orders (seed 003): at least minOrders work orders with one of
// `topics` (any topic when empty) raised through one of `channels` (any channel when empty) in the windowMonths
// months before the as-of date of the published run. Stewards tune the numbers with later scripts.
UNWIND [
  {code: 'PRICE_SENSITIVE', nameZh: '电价敏感', nameEn: 'Sensitive to tariff changes',
   topics: ['TARIFF'], channels: [], minOrders: 2, windowMonths: 12},
  {code: 'POWER_QUALITY_SENSITIVE', nameZh: '电能质量需求', nameEn: 'Demands power quality',
   topics: ['POWER_QUALITY'], channels: [], minOrders: 2, windowMonths: 12},
  {code: 'BILLING_SENSITIVE', nameZh: '计费敏感', nameEn: 'Sensitive to billing accuracy and timeliness',
   topics: ['BILLING'], channels: [], minOrders: 2, windowMonths: 12},
  {code: 'OUTAGE_SENSITIVE', nameZh: '停电敏感', nameEn: 'Sensitive to outages',
   topics: ['OUTAGE'], channels: [], minOrders: 2, windowMonths: 12},
  {code: 'ESCALATES_COMPLAINTS', nameZh: '政务热线投诉', nameEn: 'Escalates to the 12345 government hotline',
   topics: [], channels: ['GOV_HOTLINE_12345'], minOrders: 1, windowMonths: 12}
] AS need
MERGE (n:Need {code: need.code})
SET n.nameZh = need.nameZh, n.nameEn = need.nameEn, n.topics = need.topics, n.channels = need.channels,
    n.minOrders = need.minOrders, n.windowMonths = need.windowMonths;
