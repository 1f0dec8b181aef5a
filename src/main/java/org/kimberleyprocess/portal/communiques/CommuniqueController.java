package org.kimberleyprocess.portal.communiques;

import org.springframework.data.web.PageableDefault;
import org.springframework.data.domain.Pageable;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.kimberleyprocess.portal.communiques.CommuniqueForms.Corrigendum;
import org.kimberleyprocess.portal.communiques.CommuniqueForms.Publication;
import org.kimberleyprocess.portal.communiques.CommuniqueService.Reading;
import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.PublicPages;

/** The public communiqués (list, page, PDF, feed) and their publication by the Chair's office. */
@Controller
@RequestMapping("/communiques")
class CommuniqueController {

	private static final int PAGE_SIZE = 20;

	private static final String SLUG = "{slug:\\d{4}-[a-z0-9-]+}";

	private final CommuniqueService communiques;

	private final MessageSource messages;

	private final CommuniquePolicy policy;

	CommuniqueController(CommuniqueService communiques, CommuniquePolicy policy, MessageSource messages) {
		this.communiques = communiques;
		this.policy = policy;
		this.messages = messages;
	}

	@GetMapping
	String list(@AuthenticationPrincipal PortalUser user, Reader reader, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer year, @PageableDefault(size = PAGE_SIZE) Pageable pageable,
			WebRequest request, Model model) {
		String query = (q == null) ? null : q.strip();
		if (query != null && query.length() > 200) {
			query = query.substring(0, 200);
		}
		if (PublicPages.unchanged(request, this.communiques.lastChange(), "list", query, year, pageable.getPageNumber(),
				pageable.getPageSize())) {
			return null;
		}
		model.addAttribute("query", query);
		model.addAttribute("year", year);
		model.addAttribute("page", this.communiques.list(query, year, pageable));
		model.addAttribute("years", this.communiques.years());
		model.addAttribute("awaiting",
				user == null ? List.of() : this.communiques.awaitingPublication(reader));
		return "communiques/list";
	}

	@GetMapping("/" + SLUG)
	String show(@PathVariable String slug, WebRequest request, Model model) {
		return read(slug, null, request, model);
	}

	@GetMapping("/" + SLUG + "/revisions/{number:\\d{1,4}}")
	String revision(@PathVariable String slug, @PathVariable int number, WebRequest request, Model model) {
		return read(slug, number, request, model);
	}

	private String read(String slug, Integer number, WebRequest request, Model model) {
		Communique communique = this.communiques.find(slug);
		if (PublicPages.unchanged(request, communique.getUpdatedAt(), slug, number, communique.getVersion())) {
			return null;
		}
		model.addAttribute("view", this.communiques.read(communique, number));
		return "communiques/detail";
	}

	@GetMapping("/" + SLUG + ".pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String slug, WebRequest request) {
		return pdf(slug, null, request);
	}

	@GetMapping("/" + SLUG + "/revisions/{number:\\d{1,4}}.pdf")
	ResponseEntity<byte[]> revisionPdf(@PathVariable String slug, @PathVariable int number, WebRequest request) {
		return pdf(slug, number, request);
	}

	private ResponseEntity<byte[]> pdf(String slug, Integer number, WebRequest request) {
		Communique communique = this.communiques.find(slug);
		if (PublicPages.unchanged(request, communique.getUpdatedAt(), "pdf", slug, number, communique.getVersion())) {
			return null;
		}
		int revision = (number == null) ? communique.getCurrentRevision() : number;
		byte[] pdf = this.communiques.pdf(communique, number);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					ContentDisposition.inline().filename(slug + "-r" + revision + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping(value = "/feed.atom")
	ResponseEntity<String> feed(WebRequest request) throws FeedException {
		if (PublicPages.unchanged(request, this.communiques.lastChange(), "feed")) {
			return null;
		}
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		Feed feed = new Feed("atom_1.0");
		feed.setId(base + "/communiques/feed.atom");
		feed.setTitle(message("communiques.feed.title"));
		feed.setLanguage(LocaleContextHolder.getLocale().getLanguage());
		feed.setUpdated(Date.from(this.communiques.lastChange()));
		feed.setAuthors(List.of(person(message("communiques.feed.author"))));
		feed.setAlternateLinks(List.of(link("alternate", base + "/communiques", "text/html")));
		feed.setOtherLinks(List.of(link("self", base + "/communiques/feed.atom", "application/atom+xml")));
		feed.setEntries(this.communiques.recent(30).stream().map((item) -> entry(base, item)).toList());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.body(new WireFeedOutput().outputString(feed));
	}

	private Entry entry(String base, CommuniqueService.FeedEntry item) {
		Communique communique = item.communique();
		CommuniqueRevision revision = item.revision();
		String page = base + communique.path() + "/revisions/" + revision.getNumber();
		Entry entry = new Entry();
		entry.setId(page);
		entry.setTitle(revision.isCorrigendum()
				? message("communique.feed.corrigendum", revision.getTitle(), revision.getNumber() - 1)
				: revision.getTitle());
		entry.setUpdated(Date.from(revision.getPublishedAt()));
		entry.setPublished(Date.from(revision.getPublishedAt()));
		entry.setAlternateLinks(List.of(link("alternate", page, "text/html")));
		entry.setOtherLinks(List.of(link("enclosure", page + ".pdf", "application/pdf")));
		Content summary = new Content();
		summary.setType("text");
		summary.setValue(revision.isCorrigendum() ? revision.getNote()
				: message("communique.feed.summary", communique.getMeetingTitle(), communique.getPlace(),
						communique.getOfficialNumber()));
		entry.setSummary(summary);
		Content content = new Content();
		content.setType("html");
		content.setValue(revision.getHtml());
		entry.setContents(List.of(content));
		return entry;
	}

	private static Link link(String rel, String href, String type) {
		Link link = new Link();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

	private static Person person(String name) {
		Person person = new Person();
		person.setName(name);
		return person;
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	// Publishing

	@GetMapping("/publish")
	String publishForm(Reader reader, @RequestParam long document, Model model) {
		CommuniqueService.PublishPage view = this.communiques.publishPage(reader, document);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", view.proposal());
		}
		model.addAttribute("view", view);
		return "communiques/publish";
	}

	@PostMapping("/publish")
	String publish(Reader reader, @Valid @ModelAttribute("form") Publication form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (form.getDocument() == null) {
			throw new org.kimberleyprocess.portal.shared.NotFoundException();
		}
		if (!result.hasErrors()) {
			try {
				if (!form.isConfirmed()) {
					model.addAttribute("publishing", this.communiques.check(reader, form));
					return "communiques/publish-confirm";
				}
				String slug = this.communiques.publish(reader, form);
				Flash.success(redirect, "communique.published");
				return "redirect:/communiques/" + slug;
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		model.addAttribute("view", this.communiques.publishPage(reader, form.getDocument()));
		return "communiques/publish";
	}

	@GetMapping("/" + SLUG + "/corrigendum")
	String corrigendumForm(Reader reader, @PathVariable String slug, Model model) {
		Reading view = this.communiques.read(slug, null);
		this.policy.requirePublisher(reader);
		Corrigendum form = new Corrigendum();
		form.setText(view.revision().getMarkdown());
		form.setBaseRevision(view.revision().getNumber());
		model.addAttribute("form", form);
		model.addAttribute("view", view);
		return "communiques/corrigendum";
	}

	@PostMapping("/" + SLUG + "/corrigendum")
	String correct(Reader reader, @PathVariable String slug,
			@Valid @ModelAttribute("form") Corrigendum form, BindingResult result,
			@RequestParam(defaultValue = "false") boolean change, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors() && !change) {
			try {
				if (!form.isConfirmed()) {
					model.addAttribute("changes", this.communiques.checkCorrection(reader, slug, form));
					model.addAttribute("view", this.communiques.read(slug, null));
					return "communiques/corrigendum-confirm";
				}
				int number = this.communiques.correct(reader, slug, form);
				Flash.success(redirect, "communique.corrected", String.valueOf(number - 1));
				return "redirect:/communiques/" + slug;
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		model.addAttribute("view", this.communiques.read(slug, null));
		return "communiques/corrigendum";
	}

}
