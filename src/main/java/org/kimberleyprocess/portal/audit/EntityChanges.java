package org.kimberleyprocess.portal.audit;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.stereotype.Component;

/**
 * Every change of an entity's state (created, changed, removed, and changes to its collections
 * such as an account's roles) becomes an audit entry, whichever module made it, with a short
 * summary of the values before and after. Secrets and long texts are named, never copied.
 */
@Component
class EntityChanges implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
		PostCollectionUpdateEventListener {

	/**
	 * Values never written to the trail: secrets, and what members write (titles, texts, reasons,
	 * notes), which the documents and records keep under their own reading rules; the trail is
	 * read by administrators who may not read every text, so it names the object, never its words.
	 */
	private static final Pattern UNSHOWN = Pattern.compile("(?i).*(password|token|secret|stamp|markdown|html|source"
			+ "|excerpt|pdf|title|text|body|reason|note|statement|assessment|explanation|arguments|subject|scope"
			+ "|remarks|mandate|message|error|original|proposed|outcome|place|position).*");

	private static final int VALUE_LIMIT = 120;

	private final AuditTrail trail;

	EntityChanges(EntityManagerFactory entityManagerFactory, AuditTrail trail) {
		this.trail = trail;
		EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		registry.appendListeners(EventType.POST_INSERT, this);
		registry.appendListeners(EventType.POST_UPDATE, this);
		registry.appendListeners(EventType.POST_DELETE, this);
		registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		String[] names = event.getPersister().getPropertyNames();
		StringJoiner summary = new StringJoiner("; ");
		for (int i = 0; i < names.length; i++) {
			Object value = event.getState()[i];
			if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
				summary.add(names[i] + "=" + show(names[i], value, event.getSession()));
			}
		}
		this.trail.record(name(event.getPersister()) + " created", target(event.getPersister(), event.getId()),
				summary.toString());
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		String[] names = event.getPersister().getPropertyNames();
		int[] dirty = event.getDirtyProperties();
		if (dirty == null || dirty.length == 0) {
			return;
		}
		StringJoiner summary = new StringJoiner("; ");
		for (int index : dirty) {
			if ("version".equals(names[index])) {
				continue;
			}
			Object before = event.getOldState() == null ? null : event.getOldState()[index];
			summary.add(names[index] + ": " + show(names[index], before, event.getSession()) + " → "
					+ show(names[index], event.getState()[index], event.getSession()));
		}
		if (summary.length() > 0) {
			this.trail.record(name(event.getPersister()) + " changed", target(event.getPersister(), event.getId()),
					summary.toString());
		}
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		this.trail.record(name(event.getPersister()) + " removed", target(event.getPersister(), event.getId()), "");
	}

	@Override
	public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
		PersistentCollection<?> collection = event.getCollection();
		String role = collection.getRole();
		String property = role.substring(role.lastIndexOf('.') + 1);
		String owner = event.getAffectedOwnerEntityName();
		String simple = owner.substring(owner.lastIndexOf('.') + 1);
		Object value = collection.getValue();
		this.trail.record(simple + " " + property + " changed", simple + "#" + event.getAffectedOwnerIdOrNull(),
				property + " → " + show(property, value, event.getSession()));
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private static String name(EntityPersister persister) {
		String entity = persister.getEntityName();
		return entity.substring(entity.lastIndexOf('.') + 1);
	}

	private static String target(EntityPersister persister, Object id) {
		return name(persister) + "#" + id;
	}

	private static String show(String property, Object value, SharedSessionContractImplementor session) {
		if (value == null) {
			return "∅";
		}
		if (UNSHOWN.matcher(property).matches()) {
			return "(" + property.toLowerCase(Locale.ROOT) + ")";
		}
		if (value instanceof Collection<?> collection) {
			StringJoiner items = new StringJoiner(", ", "[", "]");
			collection.stream().limit(30).forEach((item) -> items.add(item == null ? "∅" : shown(item, session)));
			return shorten(items.toString());
		}
		if (value instanceof Map<?, ?> map) {
			return "[" + map.size() + "]";
		}
		return shorten(shown(value, session));
	}

	/** An entity as its kind and identifier (DocumentBlock#12), anything else as itself. */
	private static String shown(Object value, SharedSessionContractImplementor session) {
		if (value.getClass().isAnnotationPresent(jakarta.persistence.Entity.class)
				|| value instanceof org.hibernate.proxy.HibernateProxy) {
			Object id = session.getContextEntityIdentifier(value);
			String type = org.hibernate.Hibernate.getClassLazy(value).getSimpleName();
			return type + "#" + (id == null ? "?" : id);
		}
		return String.valueOf(value);
	}

	private static String shorten(String text) {
		String line = text.replaceAll("\\s+", " ");
		return line.length() <= VALUE_LIMIT ? line : line.substring(0, VALUE_LIMIT - 1) + "…";
	}

}
