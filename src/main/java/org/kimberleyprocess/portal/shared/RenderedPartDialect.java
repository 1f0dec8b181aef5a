package org.kimberleyprocess.portal.shared;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code kp:part="${...}"}: puts a part rendered by {@link RenderedParts} into the page as it was
 * rendered. It takes nothing but a {@link RenderedParts.Part}, which only Thymeleaf's own
 * (escaping) rendering of a template fragment makes, so {@code th:utext} stays for the output of
 * the sanitising Markdown renderer alone. It comes before the standard dialect, so that the
 * element's own processors (a {@code th:block} removing its tags) find the part in place; an
 * empty value removes the element.
 */
@Component
class RenderedPartDialect extends AbstractProcessorDialect {

	RenderedPartDialect() {
		super("Rendered parts", "kp", StandardDialect.PROCESSOR_PRECEDENCE - 100);
	}

	@Override
	public Set<IProcessor> getProcessors(String prefix) {
		return Set.of(new PartProcessor(prefix));
	}

	private static final class PartProcessor extends AbstractAttributeTagProcessor {

		PartProcessor(String prefix) {
			super(TemplateMode.HTML, prefix, null, false, "part", true, 1000, true);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attribute,
				String value, IElementTagStructureHandler structure) {
			Object part = StandardExpressions.getExpressionParser(context.getConfiguration())
				.parseExpression(context, value)
				.execute(context);
			if (part == null) {
				structure.removeElement();
				return;
			}
			if (!(part instanceof RenderedParts.Part rendered)) {
				throw new IllegalArgumentException("kp:part takes a rendered part, not " + part.getClass().getName());
			}
			structure.setBody(rendered.html(), false);
		}

	}

}
