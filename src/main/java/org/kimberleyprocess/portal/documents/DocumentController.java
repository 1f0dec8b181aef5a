package org.kimberleyprocess.portal.documents;

import org.springframework.data.web.PageableDefault;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.DocumentForms.NewComment;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.DocumentForms.NewSuggestion;
import org.kimberleyprocess.portal.documents.DocumentForms.Reason;
import org.kimberleyprocess.portal.documents.DocumentForms.Revision;
import org.kimberleyprocess.portal.documents.DocumentReading.Filter;
import org.kimberleyprocess.portal.documents.Drafting.EditConflict;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Language;
import org.kimberleyprocess.portal.shared.NotFoundException;
import org.kimberleyprocess.portal.shared.RenderedParts;

@Controller
@RequestMapping("/documents")
class DocumentController {

	private static final int PAGE_SIZE = 20;

	private final DocumentReading documents;

	private final Drafting drafting;

	private final DocumentLifecycle lifecycle;

	private final Discussion discussion;

	private final SuggestedChanges suggestions;

	private final DirectoryQueries directory;

	private final RenderedParts rendered;

	private final Clock clock;

	DocumentController(DocumentReading documents, Drafting drafting, DocumentLifecycle lifecycle,
			Discussion discussion, SuggestedChanges suggestions, DirectoryQueries directory, RenderedParts rendered,
			Clock clock) {
		this.rendered = rendered;
		this.documents = documents;
		this.drafting = drafting;
		this.lifecycle = lifecycle;
		this.discussion = discussion;
		this.suggestions = suggestions;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping
	String list(Reader reader, @RequestParam(required = false) DocumentType type,
			@RequestParam(required = false) OwningBody body, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) DocumentStatus status, @RequestParam(required = false) String q,
			@PageableDefault(size = PAGE_SIZE) Pageable pageable, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String query = (q == null) ? null : q.strip();
		if (query != null && query.length() > 200) {
			query = query.substring(0, 200);
			model.addAttribute("shortened", 200);
		}
		Filter filter = new Filter(type, body, year, status, query);
		Slice<Document> page = this.documents.list(reader, filter, pageable);
		List<Integer> years = this.documents.years();
		model.addAttribute("filter", filter);
		model.addAttribute("page", page);
		model.addAttribute("years", years);
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("bodies", OwningBody.values());
		model.addAttribute("statuses", DocumentStatus.values());
		List<Long> rows = new ArrayList<>();
		for (Document document : page) {
			rows.add(document.getId());
			rows.add(document.getVersion());
		}
		model.addAttribute("listHtml", this.rendered.part(
				new ListKey(filter, years, page.getNumber(), page.getSize(), page.hasNext(), rows),
				"documents/rows :: list", model.asMap(), request, response));
		return "documents/list";
	}

	/**
	 * What the filters and a page of the list show: the filters, the years there are, the page,
	 * and each document on it at its version (which every change to the document raises).
	 */
	private record ListKey(Filter filter, List<Integer> years, int page, int size, boolean more, List<Long> rows) {
	}

	@GetMapping("/new")
	String newDocument(@AuthenticationPrincipal PortalUser user, Locale locale, Model model) {
		NewDocument form = new NewDocument();
		form.setLanguage(Language.of(locale));
		form.setYear(this.clock.instant().atZone(ZoneOffset.UTC).getYear());
		model.addAttribute("form", form);
		return documentForm(model);
	}

	@PostMapping
	String create(Reader reader, @Valid @ModelAttribute("form") NewDocument form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = this.drafting.create(reader, form);
				Flash.success(redirect, "document.created");
				return "redirect:/documents/" + id;
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return documentForm(model);
	}

	private String documentForm(Model model) {
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("textLanguages", Language.values());
		model.addAttribute("confidentialities", Confidentiality.values());
		model.addAttribute("groups", this.directory.workingGroups());
		model.addAttribute("participants", this.directory.organisations()
			.stream()
			.filter((ref) -> ref.kind() == OrganisationKind.PARTICIPANT)
			.toList());
		return "documents/new";
	}

	/**
	 * The document with one page of one part of its discussion ({@code on}: {@code all}, {@code general},
	 * {@code earlier} or a block's anchor). The reader's mark moves to this version only if it was behind.
	 */
	/**
	 * The document page. Its text with the counts per block, and the page of the discussion, are
	 * the same for many readers: each is rendered once per key (see {@link DocumentPage.Shared})
	 * and the page puts the HTML in, or, for a reader whose own comments are on it, the
	 * discussion is rendered for them alone.
	 */
	@GetMapping("/{id}")
	String show(Reader reader, @PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		DocumentPage view = this.documents.page(reader, id, on, page);
		this.documents.markRead(reader, view);
		model.addAttribute("view", view);
		if (!model.containsAttribute("commentForm")) {
			model.addAttribute("commentForm", new NewComment());
		}
		model.addAttribute("now", this.clock.instant());
		Map<String, Object> parts = model.asMap();
		model.addAttribute("textHtml",
				this.rendered.part(view.shared().text(), "documents/discussion :: text", parts, request, response));
		if (view.shared().threads() != null) {
			model.addAttribute("threadsHtml", this.rendered.part(view.shared().threads(),
					"documents/discussion :: threads", parts, request, response));
		}
		return "documents/detail";
	}

	@GetMapping("/{id}/versions/{number}")
	String version(Reader reader, @PathVariable long id, @PathVariable int number,
			Model model) {
		model.addAttribute("view", this.documents.version(reader, id, number));
		return "documents/version";
	}

	@GetMapping("/{id}/diff")
	String diff(Reader reader, @PathVariable long id, @RequestParam int from,
			@RequestParam int to, @RequestParam(defaultValue = "inline") String view, Model model) {
		model.addAttribute("view", this.documents.diff(reader, id, from, to));
		model.addAttribute("sideBySide", "side".equals(view));
		return "documents/diff";
	}

	@GetMapping("/{id}/edit")
	String edit(Reader reader, @PathVariable long id, Model model) {
		DocumentVersion current = this.documents.currentForEditing(reader, id);
		Revision form = new Revision();
		form.setTitle(current.getTitle());
		form.setText(current.getMarkdown());
		form.setBaseVersion(current.getNumber());
		model.addAttribute("form", form);
		model.addAttribute("document", this.documents.visible(reader, id));
		return "documents/edit";
	}

	@PostMapping("/{id}/edit")
	String revise(Reader reader, @PathVariable long id,
			@Valid @ModelAttribute("form") Revision form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Document document = this.documents.visible(reader, id);
		model.addAttribute("document", document);
		if (!result.hasErrors()) {
			try {
				int number = this.drafting.revise(reader, id, form);
				Flash.success(redirect, "document.revised", Integer.toString(number));
				return "redirect:/documents/" + id;
			}
			catch (EditConflict conflict) {
				model.addAttribute("conflict", conflict);
				result.reject("document.conflict",
						new Object[] { conflict.currentVersion(), conflict.currentAuthor() }, null);
				form.setBaseVersion(conflict.currentVersion());
				return "documents/edit";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return "documents/edit";
	}

	@PostMapping("/{id}/circulate")
	String circulate(Reader reader, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "document.circulated", () -> this.lifecycle.circulate(reader, id));
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(Reader reader, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "document.withdrawn", () -> this.lifecycle.withdraw(reader, id));
	}

	@PostMapping("/{id}/comments-closed")
	String closeComments(Reader reader, @PathVariable long id,
			@RequestParam boolean closed, RedirectAttributes redirect) {
		return act(redirect, id, closed ? "document.comments.closed" : "document.comments.opened",
				() -> this.lifecycle.closeComments(reader, id, closed));
	}

	@PostMapping("/{id}/shares")
	String share(Reader reader, @PathVariable long id, @RequestParam long organisation,
			@RequestParam boolean shared, RedirectAttributes redirect) {
		return act(redirect, id, shared ? "document.shared" : "document.unshared",
				() -> this.lifecycle.share(reader, id, organisation, shared));
	}

	@PostMapping("/{id}/comments")
	String comment(Reader reader, @PathVariable long id,
			@Valid @ModelAttribute("commentForm") NewComment form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				long commentId = this.discussion.comment(reader, id, form);
				Flash.success(redirect, "comment.added");
				return "redirect:" + this.documents.placeOf(reader, id, commentId);
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		model.addAttribute("keepCommentForm", true);
		// The whole discussion, not the passage named in the form: that name may be what was wrong.
		return show(reader, id, null, 0, model, request, response);
	}

	/** A comment's own address, for links in notifications and search: the page of the discussion that shows it. */
	@GetMapping("/{id}/comments/{commentId}")
	String showComment(Reader reader, @PathVariable long id, @PathVariable long commentId) {
		return "redirect:" + this.documents.placeOf(reader, id, commentId);
	}

	@GetMapping("/{id}/comments/{commentId}/edit")
	String editComment(@AuthenticationPrincipal PortalUser user, Reader reader, @PathVariable long id, @PathVariable long commentId,
			Model model) {
		Comment comment = this.documents.comment(reader, id, commentId);
		if (!comment.isEditableBy(user.id(), this.clock.instant())) {
			throw new NotFoundException();
		}
		NewComment form = new NewComment();
		form.setText(comment.getMarkdown());
		model.addAttribute("form", form);
		model.addAttribute("comment", comment);
		model.addAttribute("documentId", id);
		return "documents/comment-edit";
	}

	@PostMapping("/{id}/comments/{commentId}/edit")
	String updateComment(Reader reader, @PathVariable long id,
			@PathVariable long commentId, @Valid @ModelAttribute("form") NewComment form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Comment comment = this.documents.comment(reader, id, commentId);
		if (!result.hasErrors()) {
			try {
				this.discussion.editComment(reader, id, commentId, form.getText());
				Flash.success(redirect, "comment.edited");
				return "redirect:" + this.documents.placeOf(reader, id, commentId);
			}
			catch (InvalidInputException ex) {
				result.rejectValue("text", ex.messageCode());
			}
		}
		model.addAttribute("comment", comment);
		model.addAttribute("documentId", id);
		return "documents/comment-edit";
	}

	@PostMapping("/{id}/comments/{commentId}/delete")
	String deleteComment(Reader reader, @PathVariable long id,
			@PathVariable long commentId, RedirectAttributes redirect) {
		try {
			this.discussion.deleteComment(reader, id, commentId);
			Flash.success(redirect, "comment.deleted");
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:" + this.documents.placeOf(reader, id, commentId);
	}

	@PostMapping("/{id}/comments/{commentId}/hide")
	String hideComment(Reader reader, @PathVariable long id, @PathVariable long commentId,
			@Valid @ModelAttribute("hideForm") Reason form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			Flash.error(redirect, "comment.hide.reasonRequired");
		}
		else {
			try {
				this.discussion.hideComment(reader, id, commentId, form.getReason());
				Flash.success(redirect, "comment.hidden");
			}
			catch (InvalidInputException ex) {
				Flash.error(redirect, ex.messageCode());
			}
		}
		return "redirect:" + this.documents.placeOf(reader, id, commentId);
	}

	@GetMapping("/{id}/suggestions/new")
	String newSuggestion(Reader reader, @PathVariable long id,
			@RequestParam String block, Model model) {
		DocumentBlock target = this.documents.block(reader, id, block);
		NewSuggestion form = new NewSuggestion();
		form.setBlockAnchor(target.getAnchor());
		form.setProposed(target.getSource());
		model.addAttribute("form", form);
		model.addAttribute("block", target);
		model.addAttribute("document", this.documents.visible(reader, id));
		return "documents/suggestion";
	}

	@PostMapping("/{id}/suggestions")
	String suggest(Reader reader, @PathVariable long id,
			@Valid @ModelAttribute("form") NewSuggestion form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.suggestions.suggest(reader, id, form);
				Flash.success(redirect, "suggestion.added");
				return "redirect:/documents/" + id + "?on=" + form.getBlockAnchor() + "#discussion-heading";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		model.addAttribute("block", this.documents.currentBlocks(reader, id)
			.stream()
			.filter((candidate) -> candidate.getAnchor().equals(form.getBlockAnchor()))
			.findFirst()
			.orElse(null));
		model.addAttribute("document", this.documents.visible(reader, id));
		return "documents/suggestion";
	}

	@PostMapping("/{id}/suggestions/{suggestionId}/accept")
	String accept(Reader reader, @PathVariable long id, @PathVariable long suggestionId,
			RedirectAttributes redirect) {
		try {
			int number = this.suggestions.acceptSuggestion(reader, id, suggestionId);
			Flash.success(redirect, "suggestion.accepted", Integer.toString(number));
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/documents/" + id;
	}

	@PostMapping("/{id}/suggestions/{suggestionId}/decline")
	String decline(Reader reader, @PathVariable long id, @PathVariable long suggestionId,
			@Valid @ModelAttribute("declineForm") Reason form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			Flash.error(redirect, "suggestion.decline.reasonRequired");
			return "redirect:/documents/" + id;
		}
		try {
			this.suggestions.declineSuggestion(reader, id, suggestionId, form.getReason());
			Flash.success(redirect, "suggestion.declined");
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/documents/" + id;
	}

	private String act(RedirectAttributes redirect, long id, String success, Runnable action) {
		try {
			action.run();
			Flash.success(redirect, success);
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/documents/" + id;
	}

}
