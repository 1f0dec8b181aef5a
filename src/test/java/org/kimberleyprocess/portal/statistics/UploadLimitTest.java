package org.kimberleyprocess.portal.statistics;

import java.util.List;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kimberleyprocess.portal.shared.Flash;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file over the upload limit: the server refuses to read the form (as Tomcat does, by failing
 * the first request for a parameter), and the delegation is sent back to its return's page with
 * a message rather than an error page.
 */
class UploadLimitTest {

	private static final String RETURN = "/statistics/returns/bw/2016/trade/3";

	private final UploadLimit filter = new UploadLimit(DataSize.ofMegabytes(1));

	@Test
	void aFileTheServerRefusesToReadSendsTheDelegationBackToItsReturnWithAMessage() throws Exception {
		MockHttpServletRequest request = upload(RETURN + "/csv", 700_000);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse res) {
				throw new InvalidParameterException(new FileSizeLimitExceededException("too large", 700_000, 524_288));
			}
		}));
		assertThat(response.getRedirectedUrl()).isEqualTo(RETURN);
		assertThat(flash(request)).isEqualTo(new Flash(false, "statistics.csv.tooLarge", List.of()));
	}

	@Test
	void anUploadAnnouncedLargerThanTheLimitIsTurnedBackUnread() throws Exception {
		MockHttpServletRequest request = upload(RETURN + "/csv", 2_000_000);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		assertThat(chain.getRequest()).as("the portal never read it").isNull();
		assertThat(response.getRedirectedUrl()).isEqualTo(RETURN);

		MockHttpServletRequest elsewhere = upload("/documents", 2_000_000);
		MockHttpServletResponse refused = new MockHttpServletResponse();
		this.filter.doFilter(elsewhere, refused, new MockFilterChain());
		assertThat(refused.getStatus()).isEqualTo(413);
	}

	@Test
	void otherFailuresAndSmallUploadsPassThrough() throws Exception {
		MockHttpServletRequest request = upload(RETURN + "/csv", 2_000);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		MockHttpServletRequest failing = upload(RETURN + "/csv", 2_000);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.filter.doFilter(failing,
				new MockHttpServletResponse(), new MockFilterChain(new HttpServlet() {
					@Override
					protected void service(HttpServletRequest req, HttpServletResponse res) {
						throw new IllegalStateException("something else");
					}
				}))).hasMessage("something else");
	}

	private static MockHttpServletRequest upload(String uri, int length) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
		request.setContentType("multipart/form-data; boundary=x");
		request.setContent(new byte[length]);
		return request;
	}

	private static Object flash(MockHttpServletRequest request) {
		@SuppressWarnings("unchecked")
		List<FlashMap> maps = (List<FlashMap>) request.getSession()
			.getAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
		return maps.get(0).get("flash");
	}

}
