import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A signed-in user's latency while others flood wrong passwords (issue N): one client signed in as USER:PASSWORD asks
 * for a portrait again and again; in alternating phases of SECONDS each (quiet, flood, quiet, flood) FLOODERS clients
 * send wrong passwords as fast as they are answered, half for a real user name, half for made-up ones. Prints p50/p95
 * of the signed-in user per phase, the ratio of the flood phases' p95 to the quiet ones', and what the flooders got
 * (401 checked and refused, 429 throttled without a check). Run with the JDK's source launcher against a running
 * service:
 *
 *   java bench/Flood.java http://127.0.0.1:8080 marketing:marketing 8 20 C00000042
 */
public class Flood {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String auth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
		int flooders = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		String customer = args[4];
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String portrait = "{\"query\":\"{ customer(id: \\\"" + customer + "\\\") { id tags { code } segments { level } credit { grade } } }\"}";
		measure(http, base, auth, portrait, 5); // warm-up, and the sign-in is remembered from here on
		System.out.println("| phase | requests | errors | p50 ms | p95 ms | flood 401 | flood 429 | flood other |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		List<Double> quietP95 = new ArrayList<>();
		List<Double> floodP95 = new ArrayList<>();
		for (String phase : List.of("quiet", "flood", "quiet", "flood")) {
			AtomicBoolean flooding = new AtomicBoolean(phase.equals("flood"));
			long[] answers = new long[3];
			List<Thread> threads = new ArrayList<>();
			if (flooding.get()) {
				for (int f = 0; f < flooders; f++) {
					int me = f;
					threads.add(Thread.ofVirtual().start(() -> {
						while (flooding.get()) {
							String user = (me % 2 == 0) ? "admin" : "guess" + ThreadLocalRandom.current().nextInt(1_000_000);
							String wrong = "Basic " + Base64.getEncoder().encodeToString((user + ":wrong" + ThreadLocalRandom.current().nextInt())
								.getBytes(StandardCharsets.UTF_8));
							int status = send(http, base, wrong, portrait);
							synchronized (answers) {
								answers[status == 401 ? 0 : status == 429 ? 1 : 2]++;
							}
						}
					}));
				}
			}
			var r = measure(http, base, auth, portrait, seconds);
			flooding.set(false);
			for (Thread t : threads) {
				t.join();
			}
			(phase.equals("quiet") ? quietP95 : floodP95).add(pct(r.latencies(), 95));
			System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %d | %d | %d |%n", phase, r.latencies().size(), r.errors(),
					pct(r.latencies(), 50), pct(r.latencies(), 95), answers[0], answers[1], answers[2]);
		}
		double quiet = quietP95.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		double flood = floodP95.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		System.out.printf(Locale.ROOT, "%nsigned-in p95: quiet %.1f ms, under a flood of %d clients %.1f ms: ratio %.2f (target <= 2)%n",
				quiet, flooders, flood, flood / quiet);
	}

	record Result(List<Long> latencies, long errors) {
	}

	static Result measure(HttpClient http, String base, String auth, String body, int seconds) {
		List<Long> latencies = new ArrayList<>();
		long errors = 0;
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < end) {
			long start = System.nanoTime();
			int status = send(http, base, auth, body);
			long took = System.nanoTime() - start;
			if (status == 200) {
				latencies.add(took);
			}
			else {
				errors++;
			}
		}
		Collections.sort(latencies);
		return new Result(latencies, errors);
	}

	static int send(HttpClient http, String base, String auth, String body) {
		var request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
			.header("Content-Type", "application/json").header("Authorization", auth)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
	}

}
