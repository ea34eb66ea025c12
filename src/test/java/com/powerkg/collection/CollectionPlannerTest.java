package com.powerkg.collection;

import com.powerkg.contract.ContractCodes.ContactMethod;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.powerkg.collection.CollectionCase.OpenBill;
import com.powerkg.collection.CollectionTask.Kind;
import com.powerkg.tagging.TagCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.powerkg.tagging.TagCode.*;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §7: rounds and their legality, and rules 1–8, each alone and in combination. Dunning date D = 2026-11-20 (d = 20). */
class CollectionPlannerTest {

	static final LocalDate D = LocalDate.of(2026, 11, 20);

	/** A bill due {@code daysOverdue} days before D (negative: due after D). */
	static OpenBill bill(String id, int daysOverdue, double amount, Integer... roundsDone) {
		return new OpenBill(id, D.minusDays(daysOverdue), amount, Set.of(roundsDone));
	}

	static CollectionCase postpaid(Set<TagCode> tags, OpenBill... bills) {
		return new CollectionCase("C1", false, tags, List.of(bills), 200, null);
	}

	/** Seed 004's settle windows, 1-10, 11-20, 21-31 (the taxonomy's defaults, V0005). */
	static final SettleWindows PAPER = new SettleWindows(1, 10, 11, 20, 21, 31);

	static List<CollectionTask> plan(CollectionCase c) {
		return plan(c, D);
	}

	/** The planned tasks of one customer on D with the paper's settle windows. */
	static List<CollectionTask> plan(CollectionCase c, LocalDate d) {
		return CollectionPlanner.plan(c, d, PAPER);
	}

	static CollectionTask dunning(CollectionCase c) {
		return plan(c).stream().filter(t -> t.kind() == Kind.DUNNING).findFirst().orElseThrow();
	}

	static boolean noDunning(CollectionCase c) {
		return plan(c).stream().noneMatch(t -> t.kind() == Kind.DUNNING);
	}

	@Nested
	class Rounds {

		@Test
		void roundsFollowTheDueDate() {
			assertThat(dunning(postpaid(Set.of(), bill("b", -10, 100))).round()).as("not yet due: reminder").isEqualTo(1);
			assertThat(dunning(postpaid(Set.of(), bill("b", 0, 100))).round()).as("due today: still a reminder").isEqualTo(1);
			assertThat(dunning(postpaid(Set.of(), bill("b", 1, 100))).round()).isEqualTo(2);
			assertThat(noDunning(postpaid(Set.of(), bill("b", 30, 100, 2)))).as("round 2 done, 30 days: nothing new").isTrue();
			assertThat(dunning(postpaid(Set.of(), bill("b", 31, 100, 2))).round()).isEqualTo(3);
			assertThat(dunning(postpaid(Set.of(), bill("b", 61, 100, 2, 3))).round()).isEqualTo(4);
		}

		@Test
		void noCutOffNoticeBeforeTwoMonthsOrBeforeRoundsTwoAndThree() {
			assertThat(noDunning(postpaid(Set.of(), bill("b", 60, 100, 2, 3)))).as("60 days: not yet two months, no cut-off notice")
				.isTrue();
			assertThat(CollectionPlanner.nextRound(bill("b", 61, 100, 2), D)).as("61 days but round 3 missing").contains(3);
			assertThat(dunning(postpaid(Set.of(), bill("b", 90, 100))).round()).as("nothing done yet: round 2 first").isEqualTo(2);
			assertThat(dunning(postpaid(Set.of(), bill("b", 90, 100, 2))).round()).as("round 3 before a cut-off notice").isEqualTo(3);
			assertThat(dunning(postpaid(Set.of(), bill("b", 90, 100, 1, 3))).round()).as("round 2 missing").isEqualTo(2);
			assertThat(noDunning(postpaid(Set.of(), bill("b", 120, 100, 2, 3, 4)))).as("all rounds made: cut-off is the field team's call")
				.isTrue();
		}

		@Test
		void theMostAdvancedBillSetsTheRoundAndTheTaskListsTheBillsOfThatRound() {
			var task = dunning(postpaid(Set.of(), bill("old", 45, 100, 2), bill("mid", 40, 20.25, 2), bill("new", -10, 80.5)));
			assertThat(task.round()).isEqualTo(3);
			assertThat(task.dueAmount()).as("an overdue notice lists the overdue bills, not the one not yet due").isEqualTo(120.25);
			assertThat(task.billIds()).containsExactly("old", "mid");
			assertThat(task.method()).isEqualTo(ContactMethod.WRITTEN_NOTICE);
		}

	}

	@Nested
	class ContactsThatDidNotReach {

		static OpenBill triedInVain(int daysOverdue, int round, ContactMethod... methods) {
			return new OpenBill("b", D.minusDays(daysOverdue), 100, Set.of(), java.util.Map.of(round, Set.of(methods)));
		}

		@Test
		void anUnreachedRoundTwoIsPlannedAgainByAnotherMethod() {
			var task = dunning(postpaid(Set.of(), triedInVain(10, 2, ContactMethod.PHONE)));

			assertThat(task.round()).as("not reached: round 2 is not done").isEqualTo(2);
			assertThat(task.method()).isEqualTo(ContactMethod.SMS);
			assertThat(task.advice()).anySatisfy(a -> assertThat(a).contains("round 2 by PHONE did not reach the customer: now by SMS"));
		}

		@Test
		void aPhoneAverseCustomerNotReachedByAVisitGetsAnSmsNeverAPhoneCall() {
			var task = dunning(postpaid(Set.of(PHONE_DUNNING_AVERSE), triedInVain(10, 2, ContactMethod.ONSITE)));

			assertThat(task.round()).isEqualTo(2);
			assertThat(task.method()).isEqualTo(ContactMethod.SMS);
		}

		@Test
		void whenEveryMethodFailedTheRoundIsAVisit() {
			var task = dunning(postpaid(Set.of(), triedInVain(10, 2, ContactMethod.values())));
			assertThat(task.method()).isEqualTo(ContactMethod.ONSITE);
		}

		@Test
		void aReachedContactMakesTheRoundDone() {
			var bill = new OpenBill("b", D.minusDays(10), 100, Set.of(2), java.util.Map.of(2, Set.of(ContactMethod.SMS)));
			assertThat(noDunning(postpaid(Set.of(), bill))).isTrue();
		}

		@Test
		void theGraphsContactsBecomeRoundsDoneAndMethodsTriedInVain() {
			var bill = CollectionPlans.openBill("b", D.minusDays(10), 100, List.of(new CollectionPlans.Contact(2, ContactMethod.PHONE, false),
					new CollectionPlans.Contact(1, ContactMethod.SMS, true)));

			assertThat(bill.roundsDone()).containsExactly(1);
			assertThat(bill.unreached()).containsExactly(java.util.Map.entry(2, Set.of(ContactMethod.PHONE)));
		}

	}

	@Nested
	class Reminders {

		@Test
		void aRoundOneReminderListsOnlyTheBillsNotYetOverdue() {
			// an overdue bill whose round 2 reached the customer (nothing more due on it yet) and a new bill not yet due
			var task = dunning(postpaid(Set.of(), bill("overdue", 10, 70, 2), bill("new", -5, 30)));

			assertThat(task.round()).isEqualTo(1);
			assertThat(task.billIds()).containsExactly("new");
			assertThat(task.dueAmount()).isEqualTo(30.0);
		}

	}

	@Nested
	class SettleWindowsFromTheTaxonomy {

		@Test
		void aStewardsEarlierMidWindowReachesThePlansOrder() {
			var c = postpaid(Set.of(SETTLES_MID), bill("b", -10, 100));
			var midFromTheTwentyFirst = new SettleWindows(1, 10, 21, 25, 26, 31);

			assertThat(plan(c, D)).as("d = 20 is in the paper's mid window").isNotEmpty();
			assertThat(CollectionPlanner.plan(c, D, midFromTheTwentyFirst)).as("the steward moved mid to 21-25: it waits").isEmpty();
		}

	}

	@Nested
	class Rules {

		@Test
		void rule1AverseCustomersGetNoReminderButLaterRoundsStillHappen() {
			assertThat(noDunning(postpaid(Set.of(DUNNING_AVERSE), bill("b", -5, 100)))).isTrue();
			var overdue = dunning(postpaid(Set.of(DUNNING_AVERSE), bill("b", 5, 100)));
			assertThat(overdue.round()).isEqualTo(2);
		}

		@Test
		void rule2NoDunningThisMonthOnlyOnceOverdue() {
			assertThat(noDunning(postpaid(Set.of(NO_DUNNING_THIS_MONTH), bill("b", 0, 100)))).isTrue();
			var verification = plan(postpaid(Set.of(NO_DUNNING_THIS_MONTH, CONTACT_UPDATED), bill("b", 0, 100)));
			assertThat(verification).singleElement().satisfies(t -> assertThat(t.kind()).isEqualTo(Kind.CONTACT_VERIFICATION));
			assertThat(dunning(postpaid(Set.of(NO_DUNNING_THIS_MONTH), bill("b", 1, 100))).round()).isEqualTo(2);
			var prepaid = new CollectionCase("P1", true, Set.of(NO_DUNNING_THIS_MONTH), List.of(), 200, -50.0);
			assertThat(plan(prepaid)).as("a prepaid bill is never overdue: no warning either").isEmpty();
		}

		@Test
		void rule3PhoneAverseCustomersAreVisitedInstead() {
			var task = dunning(postpaid(Set.of(PHONE_DUNNING_AVERSE), bill("b", 10, 100)));
			assertThat(task.method()).isEqualTo(ContactMethod.ONSITE);
			assertThat(task.rules()).contains(3);
			assertThat(dunning(postpaid(Set.of(PHONE_DUNNING_AVERSE), bill("b", -3, 100))).method()).as("SMS reminders stay SMS")
				.isEqualTo(ContactMethod.SMS);
		}

		@Test
		void rule4AContactChangeGivesTheRecordsTeamAVerificationTask() {
			var tasks = plan(postpaid(Set.of(CONTACT_UPDATED)));
			assertThat(tasks).singleElement().satisfies(t -> {
				assertThat(t.kind()).isEqualTo(Kind.CONTACT_VERIFICATION);
				assertThat(t.rules()).containsExactly(4);
				assertThat(t.advice()).singleElement().asString().contains("customer-records team");
			});
			assertThat(plan(postpaid(Set.of(CONTACT_ADDED, PHONE_DUNNING_AVERSE), bill("b", 3, 10))))
				.extracting(CollectionTask::kind, CollectionTask::method)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.DUNNING, ContactMethod.ONSITE),
						org.assertj.core.groups.Tuple.tuple(Kind.CONTACT_VERIFICATION, ContactMethod.ONSITE));
		}

		@Test
		void lowBalanceWarningsComeBeforeRoundsInTheirGroup() {
			var warning = plan(new CollectionCase("A", true, Set.of(), List.of(), 100, -5.0)).getFirst();
			var round2 = plan(new CollectionCase("B", false, Set.of(), List.of(bill("b", 5, 500)), 100, null)).getFirst();
			var ranked = new java.util.ArrayList<>(List.of(round2, warning));
			ranked.sort(CollectionPlanner.ORDER);
			assertThat(ranked).extracting(CollectionTask::customerId).containsExactly("A", "B");
		}

		@Test
		void rule5SmallFrequentTopUpsAreAdvisedSixtyPercentOfTheAverageBill() {
			var prepaid = new CollectionCase("P1", true, Set.of(SMALL_FREQUENT_TOPUP), List.of(), 250, -40.0);
			var task = plan(prepaid).getFirst();
			assertThat(task.kind()).isEqualTo(Kind.LOW_BALANCE_WARNING);
			assertThat(task.rules()).contains(5);
			assertThat(task.advice()).singleElement().asString().contains("150.00");
			assertThat(plan(new CollectionCase("P2", true, Set.of(), List.of(), 250, 10.0))).as("top-ups still cover the bills").isEmpty();
			assertThat(CollectionPlanner.lowBalance(new CollectionCase("P3", true, Set.of(), List.of(), 250, -0.01))).isTrue();
			assertThat(CollectionPlanner.lowBalance(new CollectionCase("P4", true, Set.of(), List.of(), 250, 0.30 - (0.10 + 0.20))))
				.as("nothing short: 0.30 topped up for bills of 0.10 and 0.20, a hair below zero in floating point").isFalse();
		}

		/**
		 * A plan computed from the graph reads a customer's bills for the average monthly bill only where a rule uses it
		 * (open-bills.cypher, customer-details.cypher). No tag, every tag alone and all tags but those of {@code AVERAGE_TAGS} together, on
		 * postpaid customers with bills in each round, two bills, a round that did not reach them, on three days of the
		 * month, plan and baseline: an average of 0 and of a million change nothing unless {@code usesAverage} says so.
		 */
		@Test
		void theAverageMonthlyBillMattersOnlyWhereUsesAverageSaysSo() {
			var tagSets = new java.util.ArrayList<Set<TagCode>>();
			tagSets.add(Set.of());
			for (TagCode tag : TagCode.values()) {
				tagSets.add(Set.of(tag));
			}
			var allOthers = java.util.EnumSet.allOf(TagCode.class);
			allOthers.removeAll(CollectionPlanner.AVERAGE_TAGS);
			tagSets.add(allOthers);
			for (Set<TagCode> tags : tagSets) {
				for (List<OpenBill> bills : List.of(List.of(bill("b", -5, 80)), List.of(bill("b", 5, 80)), List.of(bill("b", 40, 80, 2)),
						List.of(bill("b", 70, 80, 2, 3)), List.of(bill("a", 5, 80), bill("b", 40, 8000, 2)),
						List.of(new OpenBill("b", D.minusDays(5), 80, Set.of(), java.util.Map.of(2, Set.of(ContactMethod.PHONE)))))) {
					var low = new CollectionCase("C1", false, tags, bills, 0, null);
					var high = new CollectionCase("C1", false, tags, bills, 1_000_000, null);
					if (CollectionPlanner.usesAverage(false, tags)) {
						assertThat(plan(low, D)).as("%s uses the average", tags).isNotEqualTo(plan(high, D));
					}
					else {
						for (LocalDate d : List.of(D, D.withDayOfMonth(3), D.withDayOfMonth(28))) {
							assertThat(plan(low, d)).as("%s with %s on %s", tags, bills, d)
								.isEqualTo(plan(high, d));
							assertThat(CollectionPlanner.baseline(low, d)).isEqualTo(CollectionPlanner.baseline(high, d));
						}
					}
				}
			}
			assertThat(CollectionPlanner.usesAverage(true, Set.of())).as("a prepaid customer's low-balance rule").isTrue();
		}

		@Test
		void rule6NoFixedChannelGetsTheAppAndAutoPay() {
			var task = dunning(postpaid(Set.of(NO_FIXED_CHANNEL), bill("b", 5, 100)));
			assertThat(task.rules()).contains(6);
			assertThat(task.advice()).singleElement().asString().contains("网上国网").contains("automatic payment");
		}

		@Test
		void rule7ArrearsAndAnomaliesFirstResponsiveBeforeUnresponsive() {
			var responsive = plan(new CollectionCase("A", false, Set.of(REPEATED_ARREARS, DUNNING_RESPONSIVE),
					List.of(bill("a", 5, 10)), 100, null), D).getFirst();
			var unknown = plan(new CollectionCase("B", false, Set.of(BILLING_ANOMALY), List.of(bill("b", 5, 10)), 100,
					null), D).getFirst();
			var unresponsive = plan(new CollectionCase("C", false, Set.of(REPEATED_ARREARS, DUNNING_UNRESPONSIVE),
					List.of(bill("c", 5, 999)), 100, null), D).getFirst();
			var early = plan(new CollectionCase("D", false, Set.of(SETTLES_EARLY), List.of(bill("d", 5, 5000)), 100,
					null), D).getFirst();
			var ranked = new java.util.ArrayList<>(List.of(early, unresponsive, unknown, responsive));
			ranked.sort(CollectionPlanner.ORDER);
			assertThat(ranked).extracting(CollectionTask::customerId).containsExactly("A", "B", "C", "D");
			assertThat(responsive.rules()).contains(7);
		}

		@Test
		void rule8SettleHabitAgainstTheDay() {
			// d = 20: an early habit (1-10) has passed, mid (11-20) is on the day, late (21-31) waits for its reminder
			var early = dunning(postpaid(Set.of(SETTLES_EARLY), bill("b", -10, 100)));
			var mid = dunning(postpaid(Set.of(SETTLES_MID), bill("b", -10, 100)));
			assertThat(early.group()).isLessThan(mid.group());
			assertThat(early.rules()).contains(8);
			assertThat(noDunning(postpaid(Set.of(SETTLES_LATE), bill("b", -10, 100)))).as("late payers are not reminded yet").isTrue();
			assertThat(dunning(postpaid(Set.of(SETTLES_LATE), bill("b", 10, 100))).round()).as("but an overdue bill is dunned")
				.isEqualTo(2);
			var onTheFifth = plan(postpaid(Set.of(SETTLES_MID), bill("b", -10, 100)), LocalDate.of(2026, 11, 5));
			assertThat(onTheFifth).as("d = 5: the mid window comes later").isEmpty();
			assertThat(dunning(postpaid(Set.of(SETTLES_LATE, REPEATED_ARREARS), bill("b", -10, 100))).round())
				.as("rule 8 is for everyone else: repeated arrears come first, even late payers").isEqualTo(1);
		}

	}

	@Nested
	class Combinations {

		@Test
		void phoneAverseWithRepeatedArrearsIsVisitedAndComesFirst() {
			var task = dunning(postpaid(Set.of(PHONE_DUNNING_AVERSE, REPEATED_ARREARS, DUNNING_RESPONSIVE), bill("b", 12, 100)));
			assertThat(task.method()).isEqualTo(ContactMethod.ONSITE);
			assertThat(task.group()).isZero();
			assertThat(task.rules()).contains(3, 7);
		}

		@Test
		void noDunningThisMonthBeforeTheDueDateIsNotContactedEvenWithArrears() {
			assertThat(noDunning(postpaid(Set.of(NO_DUNNING_THIS_MONTH, REPEATED_ARREARS), bill("b", -2, 100)))).isTrue();
			assertThat(plan(postpaid(Set.of(NO_DUNNING_THIS_MONTH), bill("b", -2, 100)))).isEmpty();
		}

		@Test
		void theBaselineIgnoresEveryRule() {
			var c = postpaid(Set.of(DUNNING_AVERSE, PHONE_DUNNING_AVERSE, SETTLES_LATE), bill("b", -3, 100));
			assertThat(noDunning(c)).isTrue();
			var baseline = CollectionPlanner.baseline(c, D).orElseThrow();
			assertThat(baseline.round()).isEqualTo(1);
			assertThat(baseline.method()).isEqualTo(ContactMethod.SMS);
			assertThat(CollectionPlanner.baseline(postpaid(Set.of(PHONE_DUNNING_AVERSE), bill("b", 3, 100)), D).orElseThrow().method())
				.isEqualTo(ContactMethod.PHONE);
		}

	}

}
