import '../../components/shared/theme.css';
import { CoachPopup } from '../../components/popup/CoachPopup';
import { mountRolePopup } from '../../components/popup/mountRolePopup';
import { existingActiveSession } from '../../utils/platform/existing-session';

mountRolePopup('coach', (props) => <CoachPopup {...props} />, existingActiveSession);
