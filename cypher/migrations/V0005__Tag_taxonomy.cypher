// The portrait tag taxonomy of seed 004 §2.2 (SPEC §3): categories, tags, broader links and every rule
// parameter. Stewards change tags and parameters with later scripts (see cypher/examples/); the analytics batch
// reads them from here on every run.
UNWIND [
  {code: 'BILLING',          nameZh: '电费发行', nameEn: 'Billing',           ordinal: 1},
  {code: 'PAYMENT_HABIT',    nameZh: '缴费习惯', nameEn: 'Payment habit',     ordinal: 2},
  {code: 'DUNNING_RESPONSE', nameZh: '催费响应', nameEn: 'Dunning response',  ordinal: 3},
  {code: 'PREFERENCE',       nameZh: '催费偏好', nameEn: 'Stated preference', ordinal: 4},
  {code: 'CONTACT',          nameZh: '联系信息', nameEn: 'Contact details',   ordinal: 5}
] AS cat
MERGE (c:TagCategory {code: cat.code})
SET c.nameZh = cat.nameZh, c.nameEn = cat.nameEn, c.ordinal = cat.ordinal;

UNWIND [
  {code: 'BILLING_ANOMALY', category: 'BILLING', ordinal: 1, nameZh: '电费发行异常', nameEn: 'Billing anomaly',
   description: 'The bill issued in the month of the as-of date has an anomaly: ownership transfer (过户), small-amount bill (小电量发行) or refund/adjustment (电费退补).'},
  {code: 'REPEATED_ARREARS', category: 'PAYMENT_HABIT', ordinal: 2, nameZh: '多次欠费', nameEn: 'Repeated arrears',
   description: 'At least minOverdueBills overdue bills among the bills issued in the lookbackMonths months before the as-of date. Overdue: settled after the due date, or unsettled and the as-of date is past the due date.'},
  {code: 'NO_FIXED_CHANNEL', category: 'PAYMENT_HABIT', ordinal: 3, nameZh: '无固定缴费渠道', nameEn: 'No fixed payment channel',
   description: 'Payments through at least minChannels distinct channels in the last `cycles` billing cycles.'},
  {code: 'SETTLES_EARLY', category: 'PAYMENT_HABIT', ordinal: 4, nameZh: '结清日期习惯为月初', nameEn: 'Settles early in the month',
   description: 'In the last `cycles` billing cycles, at least minBills bills were settled on day fromDay..toDay of the month.'},
  {code: 'SETTLES_MID', category: 'PAYMENT_HABIT', ordinal: 5, nameZh: '结清日期习惯为月中', nameEn: 'Settles mid-month',
   description: 'In the last `cycles` billing cycles, at least minBills bills were settled on day fromDay..toDay of the month.'},
  {code: 'SETTLES_LATE', category: 'PAYMENT_HABIT', ordinal: 6, nameZh: '结清日期习惯为月末', nameEn: 'Settles late in the month',
   description: 'In the last `cycles` billing cycles, at least minBills bills were settled on day fromDay..toDay of the month.'},
  {code: 'SMALL_FREQUENT_TOPUP', category: 'PAYMENT_HABIT', ordinal: 7, nameZh: '小额多次缴费', nameEn: 'Small, frequent top-ups',
   description: 'Prepaid customer whose average monthly bill divided by the average top-up exceeds minBillToTopupRatio over the last `cycles` billing cycles (the seed writes "ratio below 1.6", but its remedy of topping up at least 60 % of the monthly bill only makes sense this way round).'},
  {code: 'DUNNING_RESPONSIVE', category: 'DUNNING_RESPONSE', ordinal: 8, nameZh: '催费敏感', nameEn: 'Responds to dunning',
   description: 'The latest phone or SMS dunning contact that reached the customer in the lookbackMonths months before the as-of date was followed by a payment within responseHours hours.'},
  {code: 'DUNNING_UNRESPONSIVE', category: 'DUNNING_RESPONSE', ordinal: 9, nameZh: '催费不敏感', nameEn: 'Does not respond to dunning',
   description: 'The complement of DUNNING_RESPONSIVE (same contact, same parameters): no payment within responseHours hours.'},
  {code: 'DUNNING_AVERSE', category: 'PREFERENCE', ordinal: 10, nameZh: '催费反感', nameEn: 'Refuses all dunning',
   description: 'The customer stated they accept no dunning of any kind.'},
  {code: 'PHONE_DUNNING_AVERSE', category: 'PREFERENCE', ordinal: 11, nameZh: '电话催费反感', nameEn: 'Refuses phone dunning',
   description: 'The customer stated they accept no phone dunning.'},
  {code: 'NO_DUNNING_THIS_MONTH', category: 'PREFERENCE', ordinal: 12, nameZh: '拒绝当月催费', nameEn: 'No dunning this month',
   description: 'In the month of the as-of date the customer stated they want no dunning within the payment period of that month.'},
  {code: 'CONTACT_UPDATED', category: 'CONTACT', ordinal: 13, nameZh: '联系信息更新', nameEn: 'Contact details updated',
   description: 'Within lookbackMonths months the old contact proved wrong and the customer gave a new, verified one.'},
  {code: 'CONTACT_ADDED', category: 'CONTACT', ordinal: 14, nameZh: '联系信息新增', nameEn: 'Contact details added',
   description: 'Within lookbackMonths months the customer gave an additional verified contact.'}
] AS t
MATCH (c:TagCategory {code: t.category})
MERGE (tag:Tag {code: t.code})
SET tag.nameZh = t.nameZh, tag.nameEn = t.nameEn, tag.description = t.description, tag.ordinal = t.ordinal
MERGE (tag)-[:IN_CATEGORY]->(c);

// Narrower forms of dunning aversion point at the broader one.
UNWIND ['PHONE_DUNNING_AVERSE', 'NO_DUNNING_THIS_MONTH'] AS narrower
MATCH (n:Tag {code: narrower}), (b:Tag {code: 'DUNNING_AVERSE'})
MERGE (n)-[:BROADER]->(b);

UNWIND [
  {tag: 'BILLING_ANOMALY',      name: 'anomalies',           value: ['OWNERSHIP_TRANSFER', 'SMALL_AMOUNT', 'REFUND_ADJUSTMENT'], unit: 'anomaly codes', description: 'bill anomalies that count'},
  {tag: 'REPEATED_ARREARS',     name: 'lookbackMonths',      value: 6,   unit: 'months', description: 'bills issued in this many months before the as-of date'},
  {tag: 'REPEATED_ARREARS',     name: 'minOverdueBills',     value: 3,   unit: 'bills',  description: 'overdue bills needed'},
  {tag: 'NO_FIXED_CHANNEL',     name: 'cycles',              value: 6,   unit: 'billing cycles', description: 'payments since the first of this many latest billing cycles'},
  {tag: 'NO_FIXED_CHANNEL',     name: 'minChannels',         value: 3,   unit: 'channels', description: 'distinct payment channels needed'},
  {tag: 'SETTLES_EARLY',        name: 'cycles',              value: 6,   unit: 'billing cycles', description: 'latest billing cycles looked at'},
  {tag: 'SETTLES_EARLY',        name: 'minBills',            value: 3,   unit: 'bills',  description: 'bills settled in the window needed'},
  {tag: 'SETTLES_EARLY',        name: 'fromDay',             value: 1,   unit: 'day of month', description: 'first day of the window'},
  {tag: 'SETTLES_EARLY',        name: 'toDay',               value: 10,  unit: 'day of month', description: 'last day of the window'},
  {tag: 'SETTLES_MID',          name: 'cycles',              value: 6,   unit: 'billing cycles', description: 'latest billing cycles looked at'},
  {tag: 'SETTLES_MID',          name: 'minBills',            value: 3,   unit: 'bills',  description: 'bills settled in the window needed'},
  {tag: 'SETTLES_MID',          name: 'fromDay',             value: 11,  unit: 'day of month', description: 'first day of the window'},
  {tag: 'SETTLES_MID',          name: 'toDay',               value: 20,  unit: 'day of month', description: 'last day of the window'},
  {tag: 'SETTLES_LATE',         name: 'cycles',              value: 6,   unit: 'billing cycles', description: 'latest billing cycles looked at'},
  {tag: 'SETTLES_LATE',         name: 'minBills',            value: 3,   unit: 'bills',  description: 'bills settled in the window needed'},
  {tag: 'SETTLES_LATE',         name: 'fromDay',             value: 21,  unit: 'day of month', description: 'first day of the window'},
  {tag: 'SETTLES_LATE',         name: 'toDay',               value: 31,  unit: 'day of month', description: 'last day of the window'},
  {tag: 'SMALL_FREQUENT_TOPUP', name: 'cycles',              value: 6,   unit: 'billing cycles', description: 'bills and top-ups of this many latest billing cycles'},
  {tag: 'SMALL_FREQUENT_TOPUP', name: 'minBillToTopupRatio', value: 1.6, unit: 'ratio',  description: 'average monthly bill / average top-up must exceed this'},
  {tag: 'DUNNING_RESPONSIVE',   name: 'lookbackMonths',      value: 6,   unit: 'months', description: 'contacts in this many months before the as-of date'},
  {tag: 'DUNNING_RESPONSIVE',   name: 'responseHours',       value: 48,  unit: 'hours',  description: 'a payment within this many hours after the contact counts as a response'},
  {tag: 'CONTACT_UPDATED',      name: 'lookbackMonths',      value: 6,   unit: 'months', description: 'statements in this many months before the as-of date'},
  {tag: 'CONTACT_ADDED',        name: 'lookbackMonths',      value: 6,   unit: 'months', description: 'statements in this many months before the as-of date'}
] AS p
MATCH (tag:Tag {code: p.tag})
MERGE (param:RuleParameter {key: p.tag + '.' + p.name})
SET param.tag = p.tag, param.name = p.name, param.value = p.value, param.unit = p.unit, param.description = p.description
MERGE (tag)-[:HAS_PARAMETER]->(param);
