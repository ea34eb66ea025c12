package com.powerkg.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowValidatorTest {

	private static RowValidator validator(ContractFile file, List<String> header) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			index.put(header.get(i), i);
		}
		return new RowValidator(file, index);
	}

	private static final List<String> PAYMENT_HEADER = List.of("payment_id", "customer_id", "bill_id", "paid_at",
			"amount", "channel", "kind");

	@Test
	void validPaymentIsTyped() {
		var result = validator(ContractFile.PAYMENTS, PAYMENT_HEADER)
			.validate(7, List.of("P1", "C1", "B1", "2026-06-30T14:05:00", " 12.30 ", "WECHAT", "BILL"));

		assertThat(result.valid()).isTrue();
		assertThat(result.row()).containsEntry("paid_at", LocalDateTime.of(2026, 6, 30, 14, 5))
			.containsEntry("amount", 12.3)
			.containsEntry("line", 7L);
	}

	@Test
	void billPaymentWithoutBillAndTopupWithBillAreRejected() {
		var validator = validator(ContractFile.PAYMENTS, PAYMENT_HEADER);

		assertThat(validator.validate(2, List.of("P1", "C1", "", "2026-06-30T14:05:00", "5", "WECHAT", "BILL")).rejects())
			.singleElement()
			.satisfies(r -> assertThat(r.toString()).isEqualTo("payments.csv:2: bill_id: is required when kind is BILL"));
		assertThat(validator.validate(3, List.of("P2", "C1", "B1", "2026-06-30T14:05:00", "5", "WECHAT", "TOPUP")).rejects())
			.singleElement()
			.satisfies(r -> assertThat(r.column()).isEqualTo("bill_id"));
	}

	@Test
	void everyBadCellOfARowIsReported() {
		var result = validator(ContractFile.PAYMENTS, PAYMENT_HEADER)
			.validate(4, List.of("", "C1", "", "yesterday", "-1", "CASH", "BILL"));

		assertThat(result.valid()).isFalse();
		assertThat(result.rejects()).extracting(Reject::column)
			.containsExactly("payment_id", "paid_at", "amount", "channel");
	}

	@Test
	void rowWithTheWrongNumberOfFieldsIsRejectedAsAWhole() {
		var result = validator(ContractFile.CREDIT_OUTCOMES, List.of("customer_id", "observed_on", "defaulted"))
			.validate(9, List.of("C1", "2026-01-01"));

		assertThat(result.rejects()).singleElement()
			.satisfies(r -> assertThat(r.toString()).isEqualTo("credit_outcomes.csv:9: has 2 fields but the header has 3"));
	}

	@Test
	void optionalColumnsMissingFromTheHeaderTakeTheirDefaults() {
		var result = validator(ContractFile.BILLS, List.of("bill_id", "customer_id", "period", "issued_on", "due_on", "amount"))
			.validate(2, List.of("B1", "C1", "2026-09", "2026-10-02", "2026-10-31", "-3.5"));

		assertThat(result.row()).containsEntry("anomaly", "NONE")
			.containsEntry("period", "2026-09")
			.containsEntry("due_on", LocalDate.of(2026, 10, 31))
			.containsEntry("amount", -3.5);
	}

	@Test
	void defaultedMustBeZeroOrOne() {
		var validator = validator(ContractFile.CREDIT_OUTCOMES, List.of("customer_id", "observed_on", "defaulted"));

		assertThat(validator.validate(2, List.of("C1", "2026-01-01", "1")).row()).containsEntry("defaulted", true);
		assertThat(validator.validate(3, List.of("C1", "2026-01-01", "yes")).rejects()).singleElement()
			.satisfies(r -> assertThat(r.reason()).isEqualTo("'yes' is not 0 or 1"));
	}

	@Test
	void dunningRoundOutsideOneToFourIsRejected() {
		var validator = validator(ContractFile.DUNNING_CONTACTS,
				List.of("contact_id", "customer_id", "contacted_at", "round", "method", "reached"));

		assertThat(validator.validate(2, List.of("D1", "C1", "2026-06-30T14:05:00", "4", "ONSITE", "true")).valid()).isTrue();
		assertThat(validator.validate(3, List.of("D2", "C1", "2026-06-30T14:05:00", "5", "ONSITE", "TRUE")).rejects())
			.extracting(Reject::column)
			.containsExactly("round");
	}

}
