package org.kimberleyprocess.portal.notifications;

import java.util.Set;

import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The plain-text versions of email ({@code templates/mail/*.txt}), beside the pages' HTML templates. */
@Configuration(proxyBeanMethods = false)
class MailTemplates {

	@Bean
	SpringResourceTemplateResolver mailTextTemplateResolver(ApplicationContext context,
			@Value("${spring.thymeleaf.prefix:classpath:/templates/}") String prefix,
			@Value("${spring.thymeleaf.cache:true}") boolean cache) {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setApplicationContext(context);
		resolver.setPrefix(prefix);
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setResolvablePatterns(Set.of("mail/*-text"));
		resolver.setCheckExistence(true);
		resolver.setCacheable(cache);
		resolver.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return resolver;
	}

}
