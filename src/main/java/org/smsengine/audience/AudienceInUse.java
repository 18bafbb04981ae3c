package org.smsengine.audience;

import java.util.List;

/** Who still sends to an audience (enabled campaigns); an audience in use cannot be deleted. */
public interface AudienceInUse {

    List<String> usersOf(long audienceId);
}
