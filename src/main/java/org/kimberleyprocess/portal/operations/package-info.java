/**
 * Operations: what an operator watches and checks. A second HTTP port, on the loopback address
 * unless configured otherwise, serves the actuator endpoints beyond the load balancers' health
 * checks (metrics for Prometheus, the operations health group, the integrity check); the public
 * port answers 404 for them. Gauges of the queues (email, event publications) are read from the
 * database at most once per sampling interval, however often they are scraped.
 */
package org.kimberleyprocess.portal.operations;
