package com.powerkg.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.powerkg.ingest.PrepaidOpenUntil.Bill;
import com.powerkg.ingest.PrepaidOpenUntil.TopUp;
import org.junit.jupiter.api.Test;

import static com.powerkg.ingest.PrepaidOpenUntil.STILL_OPEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prepaid rule alone, on hand-made boundaries; BillOpenUntilTest holds it equal to the bulk load's and V0018's.
 */
class PrepaidOpenUntilTest {

	private static final Bill MAY = bill("may", "2026-05-01", 100.00);

	private static final Bill JUNE = bill("june", "2026-06-01", 60.00);

	@Test
	void eachBillIsOpenUntilTheTopUpsFirstCoverEveryBillIssuedUpToItsDay() {
		TopUp first = topUp("2026-05-03T09:00", 120.00);
		TopUp second = topUp("2026-06-10T18:30", 40.00);

		assertThat(PrepaidOpenUntil.openUntil(List.of(MAY, JUNE), List.of(first, second)))
			.isEqualTo(Map.of(MAY, first.paidAt(), JUNE, second.paidAt()));
	}

	@Test
	void theOrderTheyAreReadInDoesNotMatter() {
		TopUp first = topUp("2026-04-20T09:00", 100.00);
		TopUp second = topUp("2026-06-02T09:00", 60.00);

		assertThat(PrepaidOpenUntil.openUntil(List.of(JUNE, MAY), List.of(second, first)))
			.isEqualTo(Map.of(MAY, first.paidAt(), JUNE, second.paidAt()));
	}

	@Test
	void billsOfOneDayAreCoveredTogether() {
		Bill other = bill("may-2", "2026-05-01", 30.00);
		TopUp enoughForOne = topUp("2026-05-02T08:00", 100.00);
		TopUp rest = topUp("2026-05-20T08:00", 30.00);

		assertThat(PrepaidOpenUntil.openUntil(List.of(MAY, other), List.of(enoughForOne, rest)))
			.isEqualTo(Map.of(MAY, rest.paidAt(), other, rest.paidAt()));
	}

	@Test
	void withoutEnoughTopUpsABillStaysOpenAndABillOfNothingIsClosedOnItsDay() {
		Bill nothing = bill("zero", "2026-06-01", 0.00);

		assertThat(PrepaidOpenUntil.openUntil(List.of(MAY, nothing), List.of()))
			.isEqualTo(Map.of(MAY, STILL_OPEN, nothing, LocalDate.parse("2026-06-01").atStartOfDay()));
		assertThat(PrepaidOpenUntil.openUntil(List.of(MAY), List.of(topUp("2026-05-02T08:00", 99.99))))
			.isEqualTo(Map.of(MAY, STILL_OPEN));
	}

	@Test
	void topUpsShortOfTheBillsByLessThanHalfACentCoverThem() {
		TopUp almost = topUp("2026-05-02T08:00", 99.996);

		assertThat(PrepaidOpenUntil.openUntil(List.of(MAY), List.of(almost))).isEqualTo(Map.of(MAY, almost.paidAt()));
		assertThat(PrepaidOpenUntil.openUntil(List.of(MAY), List.of(topUp("2026-05-02T08:00", 99.994))))
			.isEqualTo(Map.of(MAY, STILL_OPEN));
	}

	/** What is due can fall (a credit note), so a later day may be covered by an earlier top-up than an earlier day. */
	@Test
	void aLaterDayCanBeCoveredBeforeAnEarlierOne() {
		Bill credit = bill("credit", "2026-05-15", -100.00);
		TopUp first = topUp("2026-05-02T08:00", 60.00);
		TopUp second = topUp("2026-05-20T08:00", 40.00);

		assertThat(PrepaidOpenUntil.openUntil(List.of(MAY, credit, JUNE), List.of(first, second))).isEqualTo(Map.of(MAY,
				second.paidAt(), credit, LocalDate.parse("2026-05-15").atStartOfDay(), JUNE, first.paidAt()));
	}

	@Test
	void aLaterCreditNoteLowersWhatIsDueFromItsDayOnButNotBefore() {
		Bill credit = bill("credit", "2026-05-15", -100.00);
		TopUp topUp = topUp("2026-06-05T12:00", 60.00);

		assertThat(PrepaidOpenUntil.openUntil(List.of(MAY, credit, JUNE), List.of(topUp))).isEqualTo(Map.of(MAY, STILL_OPEN,
				credit, LocalDate.parse("2026-05-15").atStartOfDay(), JUNE, topUp.paidAt()));
	}

	private static Bill bill(String ref, String issuedOn, double amount) {
		return new Bill(ref, LocalDate.parse(issuedOn), amount, null, YearMonth.from(LocalDate.parse(issuedOn)).minusMonths(1).toString());
	}

	private static TopUp topUp(String paidAt, double amount) {
		return new TopUp(LocalDateTime.parse(paidAt), amount);
	}

}
