package org.kimberleyprocess.portal.documents;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * The blocks of each version and its text cut at them, read once and kept: a version never
 * changes once saved, so what is kept is right on every node for as long as it is kept. Bounded
 * by weight (about the memory the texts take), the least used going first.
 */
@Component
class VersionTexts {

	private final DocumentVersionRepository versions;

	private final Cache<Long, StoredText> texts = Caffeine.newBuilder()
		.maximumWeight(32L * 1024 * 1024)
		.weigher((Long id, StoredText text) -> text.weight())
		.build();

	VersionTexts(DocumentVersionRepository versions) {
		this.versions = versions;
	}

	StoredText of(DocumentVersion version) {
		return this.texts.get(version.getId(), (key) -> {
			List<DocumentBlock> blocks = this.versions.findBlocks(key);
			return new StoredText(blocks,
					blocks.stream().map(DocumentBlock::getAnchor).collect(Collectors.toUnmodifiableSet()),
					VersionText.cut(version.getHtml(), blocks.stream().map(DocumentBlock::getAnchor).toList()));
		});
	}

	/** A version's blocks and its text cut at them. */
	record StoredText(List<DocumentBlock> blocks, Set<String> anchors, VersionText cut) {

		String excerptOf(String anchor) {
			if (anchor == null) {
				return null;
			}
			return this.blocks.stream()
				.filter((block) -> block.getAnchor().equals(anchor))
				.map(DocumentBlock::getExcerpt)
				.findFirst()
				.orElse(null);
		}

		int weight() {
			return this.cut.parts().stream().mapToInt((part) -> part.html().length()).sum() * 2
					+ this.blocks.stream().mapToInt((block) -> block.getSource().length() + 400).sum() * 2;
		}

	}

}
