package org.kimberleyprocess.portal.documents;

import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
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
import org.kimberleyprocess.portal.documents.DocumentForms.NewComment;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.DocumentForms.NewSuggestion;
import org.kimberleyprocess.portal.documents.DocumentForms.Reason;
import org.kimberleyprocess.portal.documents.DocumentForms.Revision;
import org.kimberleyprocess.portal.documents.DocumentService.EditConflict;
import org.kimberleyprocess.portal.documents.DocumentService.Filter;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

@Controller
@RequestMapping("/documents")
class DocumentController {

	private static final int PAGE_SIZE = 20;

	private final DocumentService documents;

	private final Viewers viewers;

	private final DirectoryQueries directory;

	private final Clock clock;

	DocumentController(DocumentService documents, Viewers viewers, DirectoryQueries directory, Clock clock) {
		this.documents = documents;
		this.viewers = viewers;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) DocumentType type,
			@RequestParam(required = false) OwningBody body, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) DocumentStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String query = (q == null) ? null : q.strip();
		if (query != null && query.length() > 200) {
			query = query.substring(0, 200);
		}
		Filter filter = new Filter(type, body, year, status, query);
		model.addAttribute("filter", filter);
		model.addAttribute("page",
				this.documents.list(this.viewers.of(user), filter,
						PageRequest.of(Math.min(Math.max(page, 0), 10_000), PAGE_SIZE)));
		model.addAttribute("years", this.documents.years());
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("bodies", OwningBody.values());
		model.addAttribute("statuses", DocumentStatus.values());
		return "documents/list";
	}

	@GetMapping("/new")
	String newDocument(@AuthenticationPrincipal PortalUser user, Model model) {
		NewDocument form = new NewDocument();
		form.setYear(this.clock.instant().atZone(ZoneOffset.UTC).getYear());
		model.addAttribute("form", form);
		return documentForm(model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") NewDocument form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = this.documents.create(this.viewers.of(user), form);
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
		model.addAttribute("confidentialities", Confidentiality.values());
		model.addAttribute("groups", this.directory.workingGroups());
		model.addAttribute("participants", this.directory.organisations()
			.stream()
			.filter((ref) -> ref.kind() == OrganisationKind.PARTICIPANT)
			.toList());
		return "documents/new";
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		model.addAttribute("view", this.documents.page(this.viewers.of(user), id));
		if (!model.containsAttribute("commentForm")) {
			model.addAttribute("commentForm", new NewComment());
		}
		model.addAttribute("now", this.clock.instant());
		return "documents/detail";
	}

	@GetMapping("/{id}/versions/{number}")
	String version(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable int number,
			Model model) {
		model.addAttribute("view", this.documents.version(this.viewers.of(user), id, number));
		return "documents/version";
	}

	@GetMapping("/{id}/diff")
	String diff(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam int from,
			@RequestParam int to, @RequestParam(defaultValue = "inline") String view, Model model) {
		model.addAttribute("view", this.documents.diff(this.viewers.of(user), id, from, to));
		model.addAttribute("sideBySide", "side".equals(view));
		return "documents/diff";
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		Viewer viewer = this.viewers.of(user);
		DocumentVersion current = this.documents.currentForEditing(viewer, id);
		Revision form = new Revision();
		form.setTitle(current.getTitle());
		form.setText(current.getMarkdown());
		form.setBaseVersion(current.getNumber());
		model.addAttribute("form", form);
		model.addAttribute("document", this.documents.visible(viewer, id));
		return "documents/edit";
	}

	@PostMapping("/{id}/edit")
	String revise(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") Revision form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Viewer viewer = this.viewers.of(user);
		Document document = this.documents.visible(viewer, id);
		model.addAttribute("document", document);
		if (!result.hasErrors()) {
			try {
				int number = this.documents.revise(viewer, id, form);
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
	String circulate(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "document.circulated", () -> this.documents.circulate(this.viewers.of(user), id));
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "document.withdrawn", () -> this.documents.withdraw(this.viewers.of(user), id));
	}

	@PostMapping("/{id}/comments-closed")
	String closeComments(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam boolean closed, RedirectAttributes redirect) {
		return act(redirect, id, closed ? "document.comments.closed" : "document.comments.opened",
				() -> this.documents.closeComments(this.viewers.of(user), id, closed));
	}

	@PostMapping("/{id}/shares")
	String share(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam long organisation,
			@RequestParam boolean shared, RedirectAttributes redirect) {
		return act(redirect, id, shared ? "document.shared" : "document.unshared",
				() -> this.documents.share(this.viewers.of(user), id, organisation, shared));
	}

	@PostMapping("/{id}/comments")
	String comment(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@Valid @ModelAttribute("commentForm") NewComment form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long commentId = this.documents.comment(this.viewers.of(user), id, form);
				Flash.success(redirect, "comment.added");
				return "redirect:/documents/" + id + "#comment-" + commentId;
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		model.addAttribute("keepCommentForm", true);
		return show(user, id, model);
	}

	@GetMapping("/{id}/comments/{commentId}/edit")
	String editComment(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long commentId,
			Model model) {
		Comment comment = this.documents.comment(this.viewers.of(user), id, commentId);
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
	String updateComment(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long commentId, @Valid @ModelAttribute("form") NewComment form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Comment comment = this.documents.comment(this.viewers.of(user), id, commentId);
		if (!result.hasErrors()) {
			try {
				this.documents.editComment(this.viewers.of(user), id, commentId, form.getText());
				Flash.success(redirect, "comment.edited");
				return "redirect:/documents/" + id + "#comment-" + commentId;
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
	String deleteComment(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long commentId, RedirectAttributes redirect) {
		try {
			this.documents.deleteComment(this.viewers.of(user), id, commentId);
			Flash.success(redirect, "comment.deleted");
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/documents/" + id + "#comment-" + commentId;
	}

	@PostMapping("/{id}/comments/{commentId}/hide")
	String hideComment(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long commentId,
			@Valid @ModelAttribute("hideForm") Reason form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			Flash.error(redirect, "comment.hide.reasonRequired");
		}
		else {
			try {
				this.documents.hideComment(this.viewers.of(user), id, commentId, form.getReason());
				Flash.success(redirect, "comment.hidden");
			}
			catch (InvalidInputException ex) {
				Flash.error(redirect, ex.messageCode());
			}
		}
		return "redirect:/documents/" + id + "#comment-" + commentId;
	}

	@GetMapping("/{id}/suggestions/new")
	String newSuggestion(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam String block, Model model) {
		Viewer viewer = this.viewers.of(user);
		DocumentBlock target = this.documents.block(viewer, id, block);
		NewSuggestion form = new NewSuggestion();
		form.setBlockAnchor(target.getAnchor());
		form.setProposed(target.getSource());
		model.addAttribute("form", form);
		model.addAttribute("block", target);
		model.addAttribute("document", this.documents.visible(viewer, id));
		return "documents/suggestion";
	}

	@PostMapping("/{id}/suggestions")
	String suggest(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") NewSuggestion form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Viewer viewer = this.viewers.of(user);
		if (!result.hasErrors()) {
			try {
				this.documents.suggest(viewer, id, form);
				Flash.success(redirect, "suggestion.added");
				return "redirect:/documents/" + id + "#" + form.getBlockAnchor();
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		model.addAttribute("block", this.documents.currentBlocks(viewer, id)
			.stream()
			.filter((candidate) -> candidate.getAnchor().equals(form.getBlockAnchor()))
			.findFirst()
			.orElse(null));
		model.addAttribute("document", this.documents.visible(viewer, id));
		return "documents/suggestion";
	}

	@PostMapping("/{id}/suggestions/{suggestionId}/accept")
	String accept(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long suggestionId,
			RedirectAttributes redirect) {
		try {
			int number = this.documents.acceptSuggestion(this.viewers.of(user), id, suggestionId);
			Flash.success(redirect, "suggestion.accepted", Integer.toString(number));
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/documents/" + id;
	}

	@PostMapping("/{id}/suggestions/{suggestionId}/decline")
	String decline(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long suggestionId,
			@Valid @ModelAttribute("declineForm") Reason form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			Flash.error(redirect, "suggestion.decline.reasonRequired");
			return "redirect:/documents/" + id;
		}
		try {
			this.documents.declineSuggestion(this.viewers.of(user), id, suggestionId, form.getReason());
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
