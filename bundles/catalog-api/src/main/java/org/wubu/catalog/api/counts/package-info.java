/**
 * Stock counts (CAT-5): a {@link org.wubu.catalog.api.counts.CountTask} is generated every few days
 * (two by default) for all products or one category; the warehouse or the content specialist enters
 * what they counted, and each difference to the book stock becomes a count adjustment in the
 * catalog's stock ledger. {@link org.wubu.catalog.api.counts.CountEvents} names the topics.
 */
@Version("1.0.0")
package org.wubu.catalog.api.counts;

import org.osgi.annotation.versioning.Version;
