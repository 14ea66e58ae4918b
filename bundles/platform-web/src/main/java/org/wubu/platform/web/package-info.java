/**
 * The REST kit every area's servlets use, so that all of Wubu's JSON API behaves alike: join the
 * {@link org.wubu.platform.web.Rest#CONTEXT_NAME} context, read the caller with
 * {@link org.wubu.platform.web.Rest#caller}, answer with {@link org.wubu.platform.web.Rest#json} and
 * let {@link org.wubu.platform.web.Rest#handle} turn refusals into 4xx answers.
 */
@Version("1.1.0")
package org.wubu.platform.web;

import org.osgi.annotation.versioning.Version;
