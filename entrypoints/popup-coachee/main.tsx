import '../../components/shared/theme.css';
import { CoacheePopup } from '../../components/popup/CoacheePopup';
import { mountRolePopup } from '../../components/popup/mountRolePopup';

mountRolePopup('coachee', (props) => <CoacheePopup {...props} />);
