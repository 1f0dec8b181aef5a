package org.kimberleyprocess.portal.search;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.search.SearchService.Hit;
import org.kimberleyprocess.portal.search.SearchService.Type;
import org.kimberleyprocess.portal.shared.RenderedParts;

/** {@code /search}: one box over everything, open to anyone (signed out, what is public). */
@Controller
class SearchController {

	private static final int PAGE_SIZE = 20;

	/** Pages of results: as many as the full-text matches kept of each kind fill. */
	static final int MAX_PAGES = 25;

	private final SearchService search;

	private final RenderedParts rendered;

	SearchController(SearchService search, RenderedParts rendered) {
		this.search = search;
		this.rendered = rendered;
	}

	@GetMapping("/search")
	String search(Reader reader, @RequestParam(required = false) String q,
			@RequestParam(required = false) Type type,
			@PageableDefault(size = PAGE_SIZE) Pageable pageable,
			Locale locale,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		String query = (q == null) ? "" : q.strip();
		if (query.length() > 200) {
			query = query.substring(0, 200);
			model.addAttribute("shortened", 200);
		}
		int size = pageable.getPageSize();
		// Results stop where the full-text matches kept of each kind do: the pages past them show the last.
		int number = Math.min(pageable.getPageNumber(), MAX_PAGES - 1);
		List<Hit> hits = query.isEmpty() ? List.of()
				: this.search.search(reader, query, type, locale, (number + 1) * size + 1);
		if (number > 0 && hits.size() <= number * size) {
			number = Math.max(0, (hits.size() - 1) / size);
		}
		List<Hit> shown = hits.subList(Math.min(hits.size(), number * size), Math.min(hits.size(), (number + 1) * size));
		boolean more = hits.size() > (number + 1) * size && number < MAX_PAGES - 1;
		model.addAttribute("query", query);
		model.addAttribute("type", type);
		model.addAttribute("types", Type.values());
		// The number of results is known only when they fit on the first page.
		model.addAttribute("counted", number == 0 && !more);
		model.addAttribute("from", number * size + 1);
		model.addAttribute("to", number * size + shown.size());
		model.addAttribute("page", new SliceImpl<>(shown, PageRequest.of(number, size), more));
		List<Shown> key = shown.stream()
			.map((hit) -> new Shown(hit.type(), hit.path(), hit.title(), hit.date(),
					hit.text() == null ? 0 : hit.text().hashCode()))
			.toList();
		model.addAttribute("resultsHtml", this.rendered.part(new Results(query, type, number, size, more, key),
				"search/hits :: results", model.asMap(), request, response));
		return "search/results";
	}

	/**
	 * A page of results as rendered: the words, the type, the page and each hit shown, by what
	 * it links to, its title, date and a hash of its text (the extract is cut from it).
	 */
	private record Results(String query, Type type, int page, int size, boolean more, List<Shown> hits) {
	}

	private record Shown(Type type, String path, String title, java.time.Instant date, int text) {
	}

}
