package org.kimberleyprocess.portal.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;

/**
 * Turns Markdown into the sanitised HTML stored with each version, splitting it into blocks
 * (paragraphs, headings, list items, tables) that carry stable anchors: a block keeps its anchor
 * in the next version as long as its text is unchanged. Raw HTML is never passed through, and
 * the output goes through a strict allow-list.
 */
@Component
public class MarkdownRenderer {

	private static final Pattern ANCHOR = Pattern.compile("[a-z][a-z0-9-]{0,99}");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em",
				"strong", "del", "br", "hr", "table", "thead", "tbody", "tr", "th", "td", "a", "sup", "div")
		.allowAttributes("id")
		.matching(ANCHOR)
		.onElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "blockquote", "pre", "sup", "div", "hr")
		.allowAttributes("href")
		.onElements("a")
		.allowUrlProtocols("http", "https", "mailto")
		.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
		.allowAttributes("class")
		.matching(Pattern.compile("footnotes?|footnote-ref|footnote-backref|block"))
		.globally()
		.allowAttributes("align")
		.matching(Pattern.compile("left|center|right"))
		.onElements("th", "td")
		.allowAttributes("start")
		.matching(Pattern.compile("[0-9]{1,6}"))
		.onElements("ol")
		.toFactory();

	private final MutableDataSet options = new MutableDataSet();

	private final Parser parser;

	public MarkdownRenderer() {
		this.options.set(Parser.EXTENSIONS,
				List.of(TablesExtension.create(), FootnoteExtension.create(), AutolinkExtension.create()));
		this.options.set(Parser.HTML_BLOCK_PARSER, false);
		this.options.set(HtmlRenderer.ESCAPE_HTML, true);
		this.options.set(HtmlRenderer.SUPPRESS_HTML, false);
		this.options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
		this.options.set(HtmlRenderer.SOFT_BREAK, "\n");
		this.parser = Parser.builder(this.options).build();
	}

	/** Renders a whole document text, already normalised. */
	public Rendered render(String markdown) {
		Document document = this.parser.parse(markdown);
		Map<Node, String> anchors = new IdentityHashMap<>();
		List<Block> blocks = new ArrayList<>();
		Set<String> taken = new HashSet<>();
		int position = 0;
		for (Node node : document.getChildren()) {
			if (node instanceof ListBlock) {
				for (Node item : node.getChildren()) {
					blocks.add(block(item, BlockKind.LIST_ITEM, position++, anchors, taken));
				}
			}
			else if (!(node instanceof FootnoteBlock) && !node.getChars().isBlank()) {
				blocks.add(block(node, kindOf(node), position++, anchors, taken));
			}
		}
		HtmlRenderer renderer = HtmlRenderer.builder(this.options)
			.attributeProviderFactory(new IndependentAttributeProviderFactory() {
				@Override
				public AttributeProvider apply(LinkResolverContext context) {
					return (node, part, attributes) -> {
						String anchor = anchors.get(node);
						if (anchor != null && part != AttributablePart.LINK) {
							attributes.replaceValue("id", anchor);
						}
					};
				}
			})
			.build();
		return new Rendered(sanitise(renderer.render(document)), blocks);
	}

	/** Renders a comment: the same Markdown and the same allow-list, without block anchors. */
	public String renderComment(String markdown) {
		return sanitise(HtmlRenderer.builder(this.options).build().render(this.parser.parse(normalise(markdown))));
	}

	static String sanitise(String html) {
		return POLICY.sanitize(html);
	}

	private static Block block(Node node, BlockKind kind, int position, Map<Node, String> anchors,
			Set<String> taken) {
		String source = node.getChars().toString().strip();
		String anchor = (node instanceof Heading heading) ? "h-" + slug(heading.getText().toString())
				: "b-" + sha256(source).substring(0, 10);
		String unique = anchor;
		for (int n = 2; !taken.add(unique); n++) {
			unique = anchor + "-" + n;
		}
		anchors.put(node, unique);
		String text = new TextCollectingVisitor().collectAndGetText(node).replaceAll("\\s+", " ").strip();
		String excerpt = text.length() > 160 ? text.substring(0, 159) + "…" : text;
		return new Block(position, unique, kind, source, excerpt.isEmpty() ? source.substring(0, Math.min(160, source.length())) : excerpt);
	}

	private static BlockKind kindOf(Node node) {
		if (node instanceof Heading) {
			return BlockKind.HEADING;
		}
		if (node instanceof TableBlock) {
			return BlockKind.TABLE;
		}
		return BlockKind.PARAGRAPH;
	}

	private static String slug(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		if (slug.isEmpty()) {
			slug = sha256(text).substring(0, 10);
		}
		return slug.length() > 80 ? slug.substring(0, 80) : slug;
	}

	/**
	 * The canonical form of a text, the one stored and hashed: Unicode NFC, Unix line ends, no
	 * trailing spaces, no leading or trailing blank lines, one final line end.
	 */
	public static String normalise(String text) {
		String nfc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
			.replace("\r\n", "\n")
			.replace('\r', '\n');
		StringBuilder out = new StringBuilder(nfc.length());
		for (String line : nfc.split("\n", -1)) {
			out.append(line.stripTrailing()).append('\n');
		}
		String stripped = out.toString().replaceAll("^\\n+", "").replaceAll("\\n+$", "");
		return stripped.isEmpty() ? "" : stripped + "\n";
	}

	public static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public enum BlockKind {

		HEADING, PARAGRAPH, LIST_ITEM, TABLE

	}

	public record Block(int position, String anchor, BlockKind kind, String source, String excerpt) {
	}

	public record Rendered(String html, List<Block> blocks) {

		Map<String, Block> byAnchor() {
			Map<String, Block> map = new HashMap<>();
			this.blocks.forEach((block) -> map.put(block.anchor(), block));
			return map;
		}

	}

}
