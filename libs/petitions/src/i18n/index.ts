import { registerMessages } from '@chartuloba/platform';
import { az } from './az';
import { en } from './en';
import { hy } from './hy';
import { ka } from './ka';

registerMessages('petitions', { ka, az, hy, en });
