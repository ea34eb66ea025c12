package com.powerkg.strategy;

import java.util.List;
import java.util.Map;

/** A catalogue strategy with its conditions, as the graph holds it. */
public record Strategy(String code, Aspect aspect, String topic, int priority, String textZh, String textEn,
		String source, boolean enabled, String deliveredVia, List<Condition> conditions) {

	/** What a strategy is conditioned on; {@code code} names the node (DIMENSION=LEVEL for segments). */
	public record Condition(Kind kind, String code, String nameZh, String nameEn) {

		public enum Kind {

			SEGMENT, TAG, CREDIT_GRADE, NEED, PREFERRED_CHANNEL

		}

		@SuppressWarnings("unchecked")
		static Condition fromMap(Map<String, Object> node) {
			List<String> labels = (List<String>) node.get("labels");
			String nameZh = (String) node.get("nameZh");
			String nameEn = (String) node.get("nameEn");
			if (labels.contains("Segment")) {
				return new Condition(Kind.SEGMENT, node.get("dimension") + "=" + node.get("level"), nameZh, nameEn);
			}
			if (labels.contains("CreditGrade")) {
				return new Condition(Kind.CREDIT_GRADE, (String) node.get("grade"), nameZh, nameEn);
			}
			Kind kind = labels.contains("Tag") ? Kind.TAG : labels.contains("Need") ? Kind.NEED
					: labels.contains("Channel") ? Kind.PREFERRED_CHANNEL : null;
			if (kind == null) {
				throw new IllegalStateException("A strategy is conditioned on a node labelled " + labels
						+ "; only Segment, Tag, CreditGrade, Need and Channel are understood");
			}
			return new Condition(kind, (String) node.get("code"), nameZh, nameEn);
		}

	}

	@SuppressWarnings("unchecked")
	static Strategy fromMap(Map<String, Object> map) {
		return new Strategy((String) map.get("code"), Aspect.valueOf((String) map.get("aspect")), (String) map.get("topic"),
				((Number) map.get("priority")).intValue(), (String) map.get("textZh"), (String) map.get("textEn"),
				(String) map.get("source"), Boolean.TRUE.equals(map.get("enabled")), (String) map.get("deliveredVia"),
				((List<Map<String, Object>>) map.get("conditions")).stream().map(Condition::fromMap).toList());
	}

}
