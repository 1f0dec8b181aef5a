package org.kimberleyprocess.portal.shared;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The page a form's address belongs to. A form that fails is shown again at the address it was
 * sent to, which only takes a POST; opened again from the history or a bookmark, that address
 * leads here to the nearest address above it that is a page (for
 * {@code /documents/7/consensus/rounds/3/positions}, {@code /documents/7/consensus}).
 */
@Component
class NearestPage {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	private volatile List<PathPattern> pages;

	NearestPage(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	/** The nearest address above {@code path} that answers a GET, or {@code null}. */
	String above(String path) {
		String candidate = path;
		while (candidate.lastIndexOf('/') > 0) {
			candidate = candidate.substring(0, candidate.lastIndexOf('/'));
			PathContainer container = PathContainer.parsePath(candidate);
			for (PathPattern page : pages()) {
				if (page.matches(container)) {
					return candidate;
				}
			}
		}
		return "/";
	}

	private List<PathPattern> pages() {
		List<PathPattern> known = this.pages;
		if (known == null) {
			known = this.mappings.getObject()
				.getHandlerMethods()
				.keySet()
				.stream()
				.filter(NearestPage::answersGet)
				.filter((info) -> info.getPathPatternsCondition() != null)
				.flatMap((info) -> info.getPathPatternsCondition().getPatterns().stream())
				.toList();
			this.pages = known;
		}
		return known;
	}

	private static boolean answersGet(RequestMappingInfo info) {
		var methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() || methods.contains(RequestMethod.GET);
	}

}
