package com.powerkg.collection;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.powerkg.collection.CollectionCase.OpenBill;
import com.powerkg.collection.CollectionTask.Kind;
import com.powerkg.contract.ContractCodes.ContactMethod;
import com.powerkg.tagging.TagCode;

import static com.powerkg.history.CustomerHistory.CENT;
import static com.powerkg.tagging.TagCode.*;

/**
 * SPEC §7 (seed 004 §2.3) as pure rules: for a dunning date D with day of month d, which task each customer gets
 * and in which order. Rounds of a postpaid bill follow its due date: 1 (reminder) until the due date, 2 in the
 * first 30 days after it, 3 from day 31, 4 (cut-off notice) from day 61 — and a round is only made once the
 * earlier overdue rounds were, so a cut-off notice needs rounds 2 and 3 first (the law: two months overdue and
 * rounds 2–4 before a cut-off). Rules 1–8 then shape, skip and order the tasks. The baseline is the same rounds for the same
 * bills with none of the rules.
 */
public final class CollectionPlanner {

	/** Rule 5: each top-up should be at least this share of the average monthly bill. */
	static final double TOP_UP_SHARE = 0.6;

	/**
	 * Besides a prepaid customer's low-balance rule, the tags whose rules use the average monthly bill (rule 5's
	 * top-up advice). A plan computed from the graph reads a customer's bills for the average only where one of these
	 * uses it: the same condition is written in open-bills.cypher and customer-details.cypher, which a change here must
	 * follow; for most customers the plan needs their tags alone.
	 */
	static final Set<TagCode> AVERAGE_TAGS = EnumSet.of(SMALL_FREQUENT_TOPUP);

	/** Whether a rule of the plan uses the customer's average monthly bill (else it may be left 0). */
	static boolean usesAverage(boolean prepaid, Set<TagCode> tags) {
		return prepaid || tags.stream().anyMatch(AVERAGE_TAGS::contains);
	}

	private CollectionPlanner() {
	}

	/** The round the bill's timing calls for on D: 1 until due, 2 for 1–30 days overdue, 3 for 31–60, 4 after. */
	static int timingRound(OpenBill bill, LocalDate d) {
		long overdue = ChronoUnit.DAYS.between(bill.dueOn(), d);
		return overdue <= 0 ? 1 : overdue <= 30 ? 2 : overdue <= 60 ? 3 : 4;
	}

	/**
	 * The lawful round to make about a bill on D, if any. Before the due date the reminder (round 1) unless made;
	 * after it the lowest of rounds 2 up to the timing round that was not made yet, so round 4 (cut-off notice) comes
	 * only after two months and only once rounds 2 and 3 were made. An overdue bill never gets a round-1 reminder.
	 */
	static Optional<Integer> nextRound(OpenBill bill, LocalDate d) {
		int timing = timingRound(bill, d);
		if (timing == 1) {
			return bill.roundsDone().contains(1) ? Optional.empty() : Optional.of(1);
		}
		for (int round = 2; round <= timing; round++) {
			if (!bill.roundsDone().contains(round)) {
				return Optional.of(round);
			}
		}
		return Optional.empty();
	}

	static ContactMethod defaultMethod(int round) {
		return switch (round) {
			case 1 -> ContactMethod.SMS;
			case 2 -> ContactMethod.PHONE;
			case 3 -> ContactMethod.WRITTEN_NOTICE;
			default -> ContactMethod.ONSITE;
		};
	}

	/** The uniform four-round baseline: the round each customer's bills call for, default method, no rules. */
	public static Optional<CollectionTask> baseline(CollectionCase c, LocalDate d) {
		if (c.prepaid()) {
			return lowBalance(c) ? Optional.of(new CollectionTask(c.customerId(), Kind.LOW_BALANCE_WARNING, 0, ContactMethod.SMS,
					List.of(), 0, List.of(), List.of(), 5)) : Optional.empty();
		}
		return dunningRound(c, d).map(round -> new CollectionTask(c.customerId(), Kind.DUNNING, round, defaultMethod(round), List.of(),
				open(c, d, round), ids(c, d, round), List.of(), 5));
	}

	/**
	 * The planned tasks of one customer on D: at most one dunning task or low-balance warning, plus a verification.
	 * @param windows the settle-habit windows of the tags' parameters (SETTLES_*.fromDay/toDay), which rule 8 orders by
	 */
	public static List<CollectionTask> plan(CollectionCase c, LocalDate d, SettleWindows windows) {
		List<CollectionTask> tasks = new ArrayList<>();
		TreeSet<Integer> rules = new TreeSet<>();
		List<String> advice = new ArrayList<>();
		int day = d.getDayOfMonth();
		boolean noThisMonth = c.has(NO_DUNNING_THIS_MONTH);
		boolean averse = c.has(DUNNING_AVERSE) || noThisMonth;
		Optional<Integer> round;
		Kind kind;
		if (c.prepaid()) {
			kind = Kind.LOW_BALANCE_WARNING;
			round = lowBalance(c) ? Optional.of(0) : Optional.empty();
			if (round.isPresent() && noThisMonth) {
				rules.add(2); // only once a bill is overdue, and a prepaid bill never is
				round = Optional.empty();
			}
		}
		else {
			kind = Kind.DUNNING;
			round = dunningRound(c, d);
			if (round.isPresent() && round.get() == 1 && averse) {
				rules.add(1);
				if (noThisMonth) {
					rules.add(2);
				}
				round = Optional.empty();
			}
			if (round.isPresent() && round.get() == 1 && group(c, day, windows) > 2
					&& windows.start(c).map(start -> start > day).orElse(false)) {
				rules.add(8); // the customer normally pays later in the month: the reminder waits
				round = Optional.empty();
			}
		}
		if (round.isPresent()) {
			ContactMethod method = ContactMethod.SMS;
			if (kind == Kind.DUNNING) {
				int r = round.get();
				Set<ContactMethod> triedInVain = unreached(c, d, r);
				method = method(r, c.has(PHONE_DUNNING_AVERSE), triedInVain);
				if (defaultMethod(r) == ContactMethod.PHONE && c.has(PHONE_DUNNING_AVERSE)) {
					rules.add(3);
				}
				if (!triedInVain.isEmpty()) {
					advice.add("上次" + names(triedInVain) + "未联系到客户，改用" + method + " / round " + r + " by "
							+ names(triedInVain) + " did not reach the customer: now by " + method);
				}
			}
			if (c.has(SMALL_FREQUENT_TOPUP)) {
				rules.add(5);
				advice.add(String.format(Locale.ROOT, "每次充值不少于 %.2f 元（月均电费的 60%%） / top up at least %.2f yuan each time (60%% of the average monthly bill)",
						TOP_UP_SHARE * c.averageMonthlyBill(), TOP_UP_SHARE * c.averageMonthlyBill()));
			}
			if (c.has(NO_FIXED_CHANNEL)) {
				rules.add(6);
				advice.add("推荐使用网上国网APP并开通自动缴费 / recommend the 网上国网 app and automatic payment");
			}
			int group = group(c, day, windows);
			if (group <= 2) {
				rules.add(7);
			}
			else if (group <= 4) {
				rules.add(8);
			}
			tasks.add(new CollectionTask(c.customerId(), kind, round.get(), method, List.copyOf(advice),
					kind == Kind.DUNNING ? open(c, d, round.get()) : 0, kind == Kind.DUNNING ? ids(c, d, round.get()) : List.of(),
					List.copyOf(rules), group));
		}
		if (c.has(CONTACT_UPDATED) || c.has(CONTACT_ADDED)) {
			ContactMethod method = c.has(PHONE_DUNNING_AVERSE) ? ContactMethod.ONSITE : ContactMethod.PHONE;
			tasks.add(new CollectionTask(c.customerId(), Kind.CONTACT_VERIFICATION, 0, method,
					List.of("核实客户新的联系方式（客户档案组） / verify the customer's new contact details (customer-records team)"), 0,
					List.of(), List.of(4), 6));
		}
		return tasks;
	}

	/** Rule 7 and 8: the ranking group (lower first). */
	static int group(CollectionCase c, int day, SettleWindows windows) {
		if (c.has(BILLING_ANOMALY) || c.has(REPEATED_ARREARS)) {
			return c.has(DUNNING_RESPONSIVE) ? 0 : c.has(DUNNING_UNRESPONSIVE) ? 2 : 1;
		}
		Optional<Integer> start = windows.start(c);
		if (start.isEmpty()) {
			return 5;
		}
		int end = windows.end(c);
		return end < day ? 3 : start.get() <= day ? 4 : 5;
	}

	/** Methods in the order they are tried when the round's own did not reach the customer. */
	private static final List<ContactMethod> FALLBACK = List.of(ContactMethod.PHONE, ContactMethod.SMS, ContactMethod.ONSITE,
			ContactMethod.WRITTEN_NOTICE);

	/**
	 * The method of a round: its default, except that a phone-averse customer is visited instead (rule 3), and that a
	 * method which did not reach the customer for this round is not tried again while another the tags allow is left;
	 * when every allowed one failed, a visit.
	 */
	static ContactMethod method(int round, boolean phoneAverse, Set<ContactMethod> triedInVain) {
		List<ContactMethod> order = new ArrayList<>();
		order.add(defaultMethod(round));
		FALLBACK.stream().filter(m -> !order.contains(m)).forEach(order::add);
		return order.stream()
			.map(m -> (m == ContactMethod.PHONE && phoneAverse) ? ContactMethod.ONSITE : m)
			.filter(m -> !triedInVain.contains(m))
			.findFirst()
			.orElse(ContactMethod.ONSITE);
	}

	/** Methods tried for this round about the task's bills that did not reach the customer. */
	private static Set<ContactMethod> unreached(CollectionCase c, LocalDate d, int round) {
		Set<ContactMethod> methods = EnumSet.noneOf(ContactMethod.class);
		billsOf(c, d, round).forEach(b -> methods.addAll(b.unreached().getOrDefault(round, Set.of())));
		return methods;
	}

	private static String names(Set<ContactMethod> methods) {
		return methods.stream().map(Enum::name).sorted().collect(Collectors.joining("/"));
	}

	/** Orders tasks: ranking group, warnings first, then the more advanced round, the larger amount, the customer id. */
	public static final Comparator<CollectionTask> ORDER = Comparator.comparingInt(CollectionTask::group)
		// a prepaid customer is cut off as soon as the balance runs out: warnings before rounds (SPEC §7)
		.thenComparingInt((CollectionTask t) -> t.kind() == Kind.LOW_BALANCE_WARNING ? 0 : 1)
		.thenComparing(Comparator.comparingInt(CollectionTask::round).reversed())
		.thenComparing(Comparator.comparingDouble(CollectionTask::dueAmount).reversed())
		.thenComparing(CollectionTask::customerId)
		.thenComparing(CollectionTask::kind);

	/** The most advanced lawful round over the customer's open bills. */
	private static Optional<Integer> dunningRound(CollectionCase c, LocalDate d) {
		return c.bills().stream().map(b -> nextRound(b, d)).flatMap(Optional::stream).max(Integer::compare);
	}

	/**
	 * The contract has no balance column, and the estimate (top-ups minus bills over the imported history) misses the
	 * balance the customer had before the history began, typically about one bill. So a warning goes out when the
	 * estimate is below zero, short by a cent or more: the top-ups no longer cover the bills, and what is left is roughly
	 * that opening bill. (A balance of exactly nothing, summed in floating point, may come out a hair below zero: that is
	 * not short. The prepaid bills' openUntil says "short" by the same cent, ingest.PrepaidOpenUntil.)
	 */
	static boolean lowBalance(CollectionCase c) {
		return c.prepaidBalance() != null && c.averageMonthlyBill() > 0 && c.prepaidBalance() < -CENT;
	}

	/**
	 * The bills a task of this round is about: a reminder (round 1) lists the bills not yet due; a later round the bills
	 * whose due date calls for at least that round (a cut-off notice never lists a bill that is not even due).
	 */
	private static List<OpenBill> billsOf(CollectionCase c, LocalDate d, int round) {
		return c.bills().stream().filter(b -> round == 1 ? timingRound(b, d) == 1 : timingRound(b, d) >= round).toList();
	}

	private static double open(CollectionCase c, LocalDate d, int round) {
		return Math.round(billsOf(c, d, round).stream().mapToDouble(OpenBill::openAmount).sum() * 100) / 100.0;
	}

	private static List<String> ids(CollectionCase c, LocalDate d, int round) {
		return billsOf(c, d, round).stream().map(OpenBill::id).toList();
	}

}
