import { suiteConversaciones } from './utils/suite-conversaciones';

suiteConversaciones('local');
