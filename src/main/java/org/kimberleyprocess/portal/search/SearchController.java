package org.kimberleyprocess.portal.search;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.search.SearchService.Hit;
import org.kimberleyprocess.portal.search.SearchService.Type;

/** {@code /search}: one box over everything, open to anyone (signed out, what is public). */
@Controller
class SearchController {

	private static final int PAGE_SIZE = 20;

	private final SearchService search;

	SearchController(SearchService search) {
		this.search = search;
	}

	@GetMapping("/search")
	String search(Reader reader, @RequestParam(required = false) String q,
			@RequestParam(required = false) Type type,
			@org.springframework.data.web.PageableDefault(size = PAGE_SIZE) org.springframework.data.domain.Pageable pageable,
			Locale locale,
			Model model) {
		String query = (q == null) ? "" : q.strip();
		if (query.length() > 200) {
			query = query.substring(0, 200);
			model.addAttribute("shortened", 200);
		}
		List<Hit> hits = query.isEmpty() ? List.of() : this.search.search(reader, query, type, locale);
		int size = pageable.getPageSize();
		int pages = Math.max(1, (hits.size() + size - 1) / size);
		// The hits are in memory: a page past the last shows the last.
		int number = Math.min(pageable.getPageNumber(), pages - 1);
		model.addAttribute("query", query);
		model.addAttribute("type", type);
		model.addAttribute("types", Type.values());
		model.addAttribute("total", hits.size());
		model.addAttribute("page", new org.springframework.data.domain.PageImpl<>(
				hits.subList(number * size, Math.min(hits.size(), (number + 1) * size)),
				org.springframework.data.domain.PageRequest.of(number, size), hits.size()));
		return "search/results";
	}

}
