import '../../components/shared/theme.css';
import { CoacheePopup } from '../../components/popup/CoacheePopup';
import { mountRolePopup } from '../../components/popup/mountRolePopup';
import { ensureActiveSession } from '../../utils/platform/session-activation';

// The coachee's popup works on a session from the start (the first one is created if there is none).
mountRolePopup('coachee', (props) => <CoacheePopup {...props} />, ensureActiveSession);
