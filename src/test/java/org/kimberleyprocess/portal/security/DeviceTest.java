package org.kimberleyprocess.portal.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The browsers and systems people sign in with, each named as they would name it. */
class DeviceTest {

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Firefox           | Windows  | Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0
			Chrome            | Windows  | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36
			Edge              | Windows  | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87
			Opera             | Windows  | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0
			Internet Explorer | Windows  | Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko
			Safari            | macOS    | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15
			Firefox           | macOS    | Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0
			Chrome            | macOS    | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36
			Safari            | iPhone   | Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1
			Chrome            | iPhone   | Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1
			Firefox           | iPad     | Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15
			Chrome            | Android  | Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36
			Samsung Internet  | Android  | Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36
			Firefox           | Android  | Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0
			Firefox           | Linux    | Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0
			Chrome            | ChromeOS | Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36
			-                 | -        | curl/8.5.0
			""")
	void eachIsNamedByItsBrowserAndSystem(String browser, String system, String userAgent) {
		assertThat(Device.of(userAgent)).isEqualTo(new Device(browser, system));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Firefox | Windows | Firefox on Windows
			Firefox | -       | Firefox
			-       | Linux   | Linux
			-       | -       | unknown device
			""")
	void theAuditTrailNamesWhatIsKnown(String browser, String system, String described) {
		assertThat(new Device(browser, system).describe()).isEqualTo(described);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "-", value = { "-", "' '" })
	void noHeaderIsAnUnknownDevice(String userAgent) {
		assertThat(Device.of(userAgent)).isEqualTo(Device.UNKNOWN);
	}

}
