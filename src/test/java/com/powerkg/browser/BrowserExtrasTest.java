package com.powerkg.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Where Browser fetches the service's style and guide from, and which hosts it is allowed to fetch from. */
class BrowserExtrasTest {

	@Test
	void onItsOwnAddressTheServiceNamesThatAddressAndThePortTheWebServerGot() {
		BrowserExtras.ServiceAddress address = BrowserExtras.resolve("", "127.0.0.1", false, "", 8080);

		assertThat(address.known()).isTrue();
		assertThat(address.postConnectCommands()).isEqualTo("config \"autoComplete\": false; "
				+ "style http://127.0.0.1:8080/browser-extras/style.grass; play http://127.0.0.1:8080/browser-extras/guide.html");
		assertThat(address.remoteContentHosts()).isEqualTo("guides.neo4j.com,localhost,127.0.0.1");
	}

	@Test
	void aConfiguredServiceUrlWinsWithItsSchemeAndPath() {
		BrowserExtras.ServiceAddress address = BrowserExtras.resolve("https://KG.example.com/kg/", "0.0.0.0", false, "", 8080);

		assertThat(address.known()).isTrue();
		assertThat(address.guideUrl()).isEqualTo("https://KG.example.com/kg/browser-extras/guide.html");
		assertThat(address.remoteContentHosts()).isEqualTo("guides.neo4j.com,localhost,kg.example.com");
		assertThatIllegalStateException().isThrownBy(() -> BrowserExtras.resolve("kg.example.com", "", false, "", 8080))
			.withMessageContaining("powerkg.browser.service-url");
	}

	@Test
	void onAllAddressesWithoutAServiceUrlItCanOnlyGuessLocalhost() {
		for (String all : new String[] { "", "0.0.0.0", "::" }) {
			BrowserExtras.ServiceAddress address = BrowserExtras.resolve(null, all, false, "", 8080);
			assertThat(address.known()).as(all).isFalse();
			assertThat(address.styleUrl()).as(all).isEqualTo("http://localhost:8080/browser-extras/style.grass");
			assertThat(address.remoteContentHosts()).as("localhost is in Neo4j's default already").isEqualTo("guides.neo4j.com,localhost");
		}
	}

	@Test
	void ipv6SslAndAContextPathAreKept() {
		BrowserExtras.ServiceAddress address = BrowserExtras.resolve("", "::1", true, "/kg", 8443);

		assertThat(address.styleUrl()).isEqualTo("https://[::1]:8443/kg/browser-extras/style.grass");
		assertThat(address.remoteContentHosts()).endsWith(",[::1]");
	}

}
