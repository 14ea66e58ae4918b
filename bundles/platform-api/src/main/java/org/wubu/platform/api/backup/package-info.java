/** See the types of this package; semantic versioning applies to the package as a whole. */
@Version("1.1.0")
package org.wubu.platform.api.backup;

import org.osgi.annotation.versioning.Version;
