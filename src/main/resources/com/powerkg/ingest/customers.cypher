UNWIND $rows AS row
MERGE (c:Customer {id: row.customer_id})
SET c.name = row.name,
    c.phone = row.phone,
    c.usageCategory = row.usage_category,
    c.industryCode = row.industry_code,
    c.voltageKv = row.voltage_kv,
    c.contractCapacityKva = row.contract_capacity_kva,
    c.importance = row.importance,
    c.paymentMode = row.payment_mode,
    c.region = row.region,
    c.openedOn = row.opened_on,
    c.socialCredit = row.social_credit,
    c.assetLiabilityRatio = row.asset_liability_ratio,
    c.currentRatio = row.current_ratio,
    c.returnOnNetAssets = row.return_on_net_assets,
    c.loanOnTimeRate = row.loan_on_time_rate,
    c.reactiveCompensation = row.reactive_compensation,
    c.calibrationOnSchedule = row.calibration_on_schedule,
    c.equipmentAccidents = row.equipment_accidents
WITH c, row
// a re-import may move a customer to another grid cell or industry: drop links that no longer hold
CALL (c, row) {
  MATCH (c)-[r:IN_REGION|IN_INDUSTRY]->(x)
  WHERE (type(r) = 'IN_REGION' AND (row.region IS NULL OR x.code <> row.region))
     OR (type(r) = 'IN_INDUSTRY' AND (row.industry_code IS NULL OR x.code <> row.industry_code))
  DELETE r
}
CALL (c, row) {
  WITH c, row WHERE row.region IS NOT NULL
  MERGE (g:Region {code: row.region})
  MERGE (c)-[:IN_REGION]->(g)
}
CALL (c, row) {
  WITH c, row WHERE row.industry_code IS NOT NULL
  MERGE (i:Industry {code: row.industry_code})
  MERGE (c)-[:IN_INDUSTRY]->(i)
}
