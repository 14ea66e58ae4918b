/**
 * The platform's media store (CMS-9): images, videos and documents uploaded by staff, kept by
 * content (the id is the SHA-256 of the bytes), with a size limit and a list of allowed types per
 * {@link org.wubu.platform.api.media.MediaKind}. Areas keep only media ids (a product's images, a
 * page's banner) and let {@link org.wubu.platform.api.media.MediaStore} hold the bytes.
 */
@Version("1.0.0")
package org.wubu.platform.api.media;

import org.osgi.annotation.versioning.Version;
