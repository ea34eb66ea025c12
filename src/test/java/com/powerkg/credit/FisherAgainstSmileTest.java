package com.powerkg.credit;

import java.util.Random;

import org.junit.jupiter.api.Test;
import smile.classification.FLD;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our pure-Java Fisher direction equals smile-core's FLD projection (up to sign and scale). Smile's FLD needs the
 * native OpenBLAS library (Debian: libopenblas0); where it is missing this test is skipped, not failed.
 */
class FisherAgainstSmileTest {

	static boolean openBlasAvailable() {
		try {
			FLD.fit(new double[][] {{0, 1}, {1, 0}, {2, 3}, {3, 2}}, new int[] {0, 0, 1, 1}, 1, 1e-6);
			return true;
		}
		catch (Throwable ex) {
			return false;
		}
	}

	@Test
	void sameDirectionAsSmilesFisherLinearDiscriminant() {
		assumeTrue(openBlasAvailable(), "libopenblas not installed: smile's FLD cannot run here");
		Random random = new Random(3);
		int n = 400;
		int m = 5;
		double[][] x = new double[n][m];
		int[] y = new int[n];
		for (int i = 0; i < n; i++) {
			y[i] = i % 3 == 0 ? 1 : 0;
			for (int j = 0; j < m; j++) {
				x[i][j] = random.nextGaussian() * (1 + j * 0.3) + (y[i] == 1 ? 0.5 * j : 0) + (j > 0 ? 0.4 * x[i][j - 1] : 0);
			}
		}
		double[] ours = CreditModel.Fisher.direction(x, y);
		var projection = FLD.fit(x, y, 1, 1e-8).getProjection();
		double[] theirs = new double[m];
		double norm = 0;
		for (int j = 0; j < m; j++) {
			theirs[j] = projection.get(j, 0);
			norm += theirs[j] * theirs[j];
		}
		double sign = Math.signum(theirs[0] * ours[0]);
		for (int j = 0; j < m; j++) {
			assertThat(ours[j]).as("coefficient " + j).isCloseTo(sign * theirs[j] / Math.sqrt(norm), within(1e-4));
		}
	}

}
