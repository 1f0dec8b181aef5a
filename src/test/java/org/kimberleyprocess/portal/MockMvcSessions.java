package org.kimberleyprocess.portal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.util.WebUtils;

/**
 * Lets MockMvc tests hold a session as they always have, a {@link MockHttpSession} passed to
 * {@code .session(...)}, while the portal keeps its sessions in the database. Spring Session
 * resolves a request's session from its cookie, so it would ignore the mock session; here the
 * session identifier also travels in the mock session, as a browser's cookie jar would carry it:
 * the first request that creates a session puts a {@link StoredSession} on the test's request,
 * which {@code SignIn.as} and {@code result.getRequest().getSession()} hand back, and a request
 * sent with it reads that stored session through the real JDBC repository. Its identifier
 * follows a change at sign-in, it is invalid once the portal has ended the session for it, and
 * reading or writing one of its attributes from a test (Spring Security's result matchers,
 * MockMvc's flash attributes) reads and writes the stored session. Cookies still work as in production,
 * for the HtmlUnit tests. It never asks the raw request for a new session: asking the wrapped
 * request would come back here.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

	/** The production resolver, which Boot gives the cookie serializer it builds from the properties. */
	@Bean
	CookieHttpSessionIdResolver cookieSessionIds(CookieSerializer cookies) {
		CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
		resolver.setCookieSerializer(cookies);
		return resolver;
	}

	@Bean
	@Primary
	HttpSessionIdResolver mockSessionIds(CookieHttpSessionIdResolver cookies,
			ObjectProvider<SessionRepository<? extends Session>> sessions) {
		return new MockSessionIdResolver(cookies, sessions);
	}

	/** The cookie resolver, and the mock session as a second place for the identifier. */
	static final class MockSessionIdResolver implements HttpSessionIdResolver {

		private final CookieHttpSessionIdResolver cookies;

		private final ObjectProvider<SessionRepository<? extends Session>> sessions;

		MockSessionIdResolver(CookieHttpSessionIdResolver cookies,
				ObjectProvider<SessionRepository<? extends Session>> sessions) {
			this.cookies = cookies;
			this.sessions = sessions;
		}

		@Override
		public List<String> resolveSessionIds(HttpServletRequest request) {
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			if (mock != null && mock.getSession(false) instanceof StoredSession stored) {
				return List.of(stored.getId());
			}
			return this.cookies.resolveSessionIds(request);
		}

		@Override
		public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
			this.cookies.setSessionId(request, response, sessionId);
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			if (mock == null) {
				return;
			}
			if (mock.getSession(false) instanceof StoredSession stored) {
				stored.follow(sessionId);
			}
			else {
				mock.setSession(new StoredSession(mock.getServletContext(), sessionId, this.sessions.getObject()));
			}
		}

		@Override
		public void expireSession(HttpServletRequest request, HttpServletResponse response) {
			this.cookies.expireSession(request, response);
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			if (mock != null && mock.getSession(false) instanceof StoredSession stored) {
				stored.invalidate();
			}
		}

	}

	/** The test's handle on one stored session: its identifier, and its attributes as stored. */
	public static final class StoredSession extends MockHttpSession {

		private final SessionRepository<? extends Session> sessions;

		private volatile String sessionId;

		StoredSession(ServletContext servletContext, String sessionId, SessionRepository<? extends Session> sessions) {
			super(servletContext, sessionId);
			this.sessionId = sessionId;
			this.sessions = sessions;
		}

		void follow(String sessionId) {
			this.sessionId = sessionId;
		}

		@Override
		public String getId() {
			return this.sessionId;
		}

		@Override
		public Object getAttribute(String name) {
			checkValid();
			Session stored = this.sessions.findById(this.sessionId);
			return (stored == null) ? null : stored.getAttribute(name);
		}

		/**
		 * Names none: MockMvc writes every request's session attributes into the report it prints
		 * when a test fails, and reading them from the database there would add statements to every
		 * request a test counts. A test asks for the attribute it means.
		 */
		@Override
		public Enumeration<String> getAttributeNames() {
			checkValid();
			return Collections.emptyEnumeration();
		}

		@Override
		public void setAttribute(String name, Object value) {
			checkValid();
			change(this.sessions, name, value);
		}

		@Override
		public void removeAttribute(String name) {
			checkValid();
			change(this.sessions, name, null);
		}

		private <S extends Session> void change(SessionRepository<S> repository, String name, Object value) {
			S stored = repository.findById(this.sessionId);
			if (stored != null) {
				stored.setAttribute(name, value);
				repository.save(stored);
			}
		}

		private void checkValid() {
			if (isInvalid()) {
				throw new IllegalStateException("The session has been invalidated");
			}
		}

	}

}
