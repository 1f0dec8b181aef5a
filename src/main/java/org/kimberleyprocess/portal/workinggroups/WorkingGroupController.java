package org.kimberleyprocess.portal.workinggroups;

import java.util.Objects;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.DirectoryQueries.GroupProfile;
import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.documents.DocumentService;
import org.kimberleyprocess.portal.documents.Viewer;
import org.kimberleyprocess.portal.documents.Viewers;

@Controller
class WorkingGroupController {

	private static final int DOCUMENTS_SHOWN = 20;

	private final DirectoryQueries directory;

	private final DocumentService documents;

	private final ConsensusService consensus;

	private final Viewers viewers;

	WorkingGroupController(DirectoryQueries directory, DocumentService documents, ConsensusService consensus,
			Viewers viewers) {
		this.directory = directory;
		this.documents = documents;
		this.consensus = consensus;
		this.viewers = viewers;
	}

	@GetMapping("/working-groups")
	String list(Model model) {
		model.addAttribute("groups", this.directory.workingGroups());
		return "workinggroups/list";
	}

	/** A group's page: what the reader may see of its documents and open rounds, nothing more. */
	@GetMapping("/working-groups/{code}")
	String group(@AuthenticationPrincipal PortalUser user, @PathVariable String code, Model model) {
		GroupProfile group = this.directory.workingGroup(code);
		Viewer viewer = this.viewers.of(user);
		model.addAttribute("group", group);
		model.addAttribute("documents", this.documents.ofWorkingGroup(viewer, group.id(), DOCUMENTS_SHOWN));
		model.addAttribute("rounds", this.consensus.openRounds(viewer)
			.stream()
			.filter((round) -> Objects.equals(round.document().getWorkingGroupId(), group.id()))
			.toList());
		return "workinggroups/detail";
	}

}
