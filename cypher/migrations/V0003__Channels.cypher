// Channels through which customers pay or reach the utility (payments.channel, work_orders.channel).
// Reference data: imports link to these nodes and never create new ones.
UNWIND [
  {code: 'COUNTER',           nameZh: '营业厅',          nameEn: 'Service hall counter',        payment: true,  contact: true},
  {code: 'BANK_DEBIT',        nameZh: '银行代扣',        nameEn: 'Bank direct debit',           payment: true,  contact: false},
  {code: 'ONLINE_APP',        nameZh: '网上国网',        nameEn: 'State Grid online app',       payment: true,  contact: true},
  {code: 'WECHAT',            nameZh: '微信',            nameEn: 'WeChat',                      payment: true,  contact: true},
  {code: 'ALIPAY',            nameZh: '支付宝',          nameEn: 'Alipay',                      payment: true,  contact: false},
  {code: 'ACCOUNT_MANAGER',   nameZh: '客户经理',        nameEn: 'Account manager',             payment: true,  contact: true},
  {code: 'OTHER',             nameZh: '其他',            nameEn: 'Other',                       payment: true,  contact: false},
  {code: 'HOTLINE_95598',     nameZh: '95598热线',       nameEn: '95598 service hotline',       payment: false, contact: true},
  {code: 'GOV_HOTLINE_12345', nameZh: '12345政务热线',   nameEn: '12345 government hotline',    payment: false, contact: true}
] AS ch
MERGE (c:Channel {code: ch.code})
SET c.nameZh = ch.nameZh, c.nameEn = ch.nameEn, c.forPayment = ch.payment, c.forContact = ch.contact;
