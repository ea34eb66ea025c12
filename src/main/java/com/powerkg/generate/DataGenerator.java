package com.powerkg.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes the import files of DATA-CONTRACT.md for a synthetic utility. Customers are generated one at a
 * time from their own random stream (seeded from the run seed and the customer index) and streamed to
 * the files, so memory does not grow with the number of customers and the same config always produces
 * byte-identical files.
 *
 * <p>Dates: consumption months run from {@link GeneratorConfig#firstPeriod()} to
 * {@link GeneratorConfig#lastPeriod()}. The bill of period P is issued on day 1-3 of month P+1 and due on
 * the last day of month P+1, so customers who settle early, mid or late in the month all pay on time;
 * paying after the issue month is overdue. Nothing dated after {@link GeneratorConfig#extractDate()} is
 * written, so the newest bills are partly unpaid.
 */
public final class DataGenerator {

	/** How often, in customers, progress is reported. */
	public static final int PROGRESS_EVERY = 10_000;

	private final LongConsumer progress;

	/**
	 * @param progress called with the number of customers written so far, every {@value #PROGRESS_EVERY}
	 *                 customers and once at the end
	 */
	public DataGenerator(LongConsumer progress) {
		this.progress = Objects.requireNonNull(progress, "progress must not be null; pass n -> { } to ignore it");
	}

	public DataGenerator() {
		this(written -> {
		});
	}

	/** Creates {@code outDir} if needed and overwrites the contract files in it. */
	public GenerationReport generate(GeneratorConfig config, Path outDir) throws IOException {
		Objects.requireNonNull(config, "config");
		Objects.requireNonNull(outDir, "outDir");
		Files.createDirectories(outDir);

		PeriodCalendar calendar = new PeriodCalendar(config);
		CustomerFactory factory = new CustomerFactory(calendar);
		UsageModel usage = new UsageModel(calendar);
		PostpaidCollection postpaid = new PostpaidCollection(calendar);
		PrepaidAccount prepaid = new PrepaidAccount(calendar);
		StatedPreferences preferences = new StatedPreferences(calendar);
		WorkOrderModel workOrders = new WorkOrderModel(calendar);
		CustomerHistory history = new CustomerHistory(config.months());

		try (OutputFiles files = OutputFiles.open(outDir)) {
			for (int i = 0; i < config.customers(); i++) {
				SplittableRandom rng = Randoms.forCustomer(config.seed(), i);
				// One child stream per model: changing how payments are drawn leaves consumption
				// and work orders of the same seed untouched.
				SplittableRandom profileRng = rng.split();
				SplittableRandom usageRng = rng.split();
				SplittableRandom paymentRng = rng.split();
				SplittableRandom workOrderRng = rng.split();

				Customer customer = factory.create(i, profileRng);
				history.reset();
				usage.simulate(customer, history, usageRng);
				CreditBehaviour credit = CreditBehaviour.draw(customer, paymentRng);
				history.defaulted = credit.defaults();
				if (customer.prepaid()) {
					prepaid.simulate(customer, credit, history, paymentRng);
				} else {
					postpaid.simulate(customer, credit, history, paymentRng);
				}
				workOrders.simulate(customer, history, workOrderRng);
				history.sortChronologically();
				preferences.record(customer.persona(), history, paymentRng);
				files.write(customer, history, calendar);

				int written = i + 1;
				if (written % PROGRESS_EVERY == 0) {
					progress.accept(written);
				}
			}
			if (config.customers() % PROGRESS_EVERY != 0) {
				progress.accept(config.customers());
			}
			return new GenerationReport(config.extractDate(), files.rowCounts());
		}
	}
}
